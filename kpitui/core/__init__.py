"""The domain core: plan model, funnel arithmetic and plan files. Never imports Textual."""
