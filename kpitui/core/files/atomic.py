"""Writing a file so that it is never half-written: a full copy beside it, flushed, then put in place.

The old file stays whole until the new content is complete on disk. Its mode, owner and group
stay; a file with other hard links stays one file (it is rewritten in place, after the copy is
safe); copies left behind by a killed save are removed by the next save.
"""

import errno
import os
import re
import stat
import time

from kpitui.core.errors import PlanError, os_reason
from kpitui.core.text.i18n import N_, _, tr

# A copy older than this process (and than a minute) belongs to a save that was killed.
_STARTED = time.time()
STALE_AFTER_SECONDS = 60


def temp_prefix(name: str) -> str:
    """How the temporary copies of file `name` start: hidden, beside it."""
    return f".{name}."


def write_atomically(path: str, data: bytes, *, source: str, replace: bool = True) -> str:
    """Write `data` to `path` (a symlink's target); with `replace` False an existing file is refused.

    Returns the real path written. PlanError, worded for the user, on any failure; the old file
    is then as it was.
    """
    target = os.path.realpath(path)
    folder, name = os.path.split(target)
    old = existing_target(target, source)
    if old is not None and not replace:
        raise PlanError.of_file(source, _("already exists"))
    remove_stale_copies(folder, name)
    copy = _write_copy(folder, name, data, old, source)
    if old is not None and old.st_nlink > 1:
        _rewrite_in_place(target, data, copy, source)  # on failure the copy stays: it is the plan
        _remove(copy)
        return target
    try:
        if replace:
            os.replace(copy, target)
        else:
            _put_new(copy, target, source)
    except OSError as error:
        _remove(copy)
        raise _error(source, error, folder) from None
    except PlanError:
        _remove(copy)
        raise
    _fsync_folder(folder)
    return target


# What a path that is not a regular file is, in the words the refusal uses.
_SPECIAL_KINDS = (
    (stat.S_ISDIR, N_("a folder")),
    (stat.S_ISFIFO, N_("a named pipe (FIFO)")),
    (stat.S_ISCHR, N_("a device")),
    (stat.S_ISBLK, N_("a device")),
    (stat.S_ISSOCK, N_("a socket")),
)


def existing_target(path: str, source: str) -> os.stat_result | None:
    """What a save to `path` would replace (a symlink's target), looked at and never opened; None when nothing.

    PlanError, before anyone is asked whether to replace it, when it is not a regular file: a
    folder, a FIFO (opening it would block), a device or a socket is never saved over.
    """
    try:
        found = os.stat(path)
    except FileNotFoundError:
        return None
    except OSError as error:
        raise _error(source, error, os.path.dirname(os.path.realpath(path))) from None
    if not stat.S_ISREG(found.st_mode):
        kind = next((kind for test, kind in _SPECIAL_KINDS if test(found.st_mode)), N_("a special file"))
        raise PlanError.of_file(source, tr("cannot save: it is {kind}, not a regular file", kind=_(kind)))
    return found


def remove_stale_copies(folder: str, name: str) -> None:
    """Remove the temporary copies of `name` that a killed or failed save left in `folder`."""
    pattern = re.compile(re.escape(temp_prefix(name)) + r"[a-z0-9_]{8}\.tmp")
    cutoff = min(_STARTED, time.time() - STALE_AFTER_SECONDS)
    try:
        entries = os.scandir(folder)
    except OSError:
        return
    with entries:
        for entry in entries:
            try:
                if (
                    pattern.fullmatch(entry.name)
                    and entry.is_file(follow_symlinks=False)
                    and entry.stat(follow_symlinks=False).st_mtime < cutoff
                ):
                    os.unlink(entry.path)
            except OSError:
                pass  # someone else's, or gone already: not this save's business


def _write_copy(folder: str, name: str, data: bytes, old: os.stat_result | None, source: str) -> str:
    """The complete new content in a temporary file beside the target, flushed to disk."""
    import tempfile  # only saving needs it; loading is on every command's start-up path

    try:
        descriptor, copy = tempfile.mkstemp(dir=folder, prefix=temp_prefix(name), suffix=".tmp")
    except OSError as error:
        raise _error(source, error, folder) from None
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
            if old is not None:
                _keep_owner(handle.fileno(), old)
            os.fchmod(handle.fileno(), stat.S_IMODE(old.st_mode) if old is not None else _new_file_mode())
    except OSError as error:
        _remove(copy)
        raise _error(source, error, folder) from None
    return copy


def _keep_owner(descriptor: int, old: os.stat_result) -> None:
    """Give the copy the old file's owner and group, as far as this user may (root: both; others: a group they are in)."""
    for uid in (old.st_uid, -1):
        try:
            os.fchown(descriptor, uid, old.st_gid)
            return
        except PermissionError:
            continue


def _new_file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _rewrite_in_place(target: str, data: bytes, copy: str, source: str) -> None:
    """Write the file itself, so every hard link to it sees the new plan; the safe copy stays until it is done."""
    try:
        with open(target, "r+b") as handle:
            handle.write(data)
            handle.truncate()
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as error:
        raise PlanError.of_file(
            source,
            tr(
                "cannot save: {reason}; the file may be incomplete, and the whole plan is kept in {copy}",
                reason=os_reason(error),
                copy=copy,
            ),
        ) from None


def _put_new(copy: str, target: str, source: str) -> None:
    """Give the copy the target's name only if nothing has that name yet, even a moment ago."""
    try:
        os.link(copy, target)
    except FileExistsError:
        raise PlanError.of_file(source, _("already exists")) from None
    except OSError as error:
        if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK):
            raise
        if os.path.lexists(target):  # a file system without hard links: check, then rename
            raise PlanError.of_file(source, _("already exists")) from None
        os.replace(copy, target)
        return
    os.unlink(copy)


def _error(source: str, error: OSError, folder: str) -> PlanError:
    """What went wrong, naming the folder when the folder is the problem."""
    if error.errno in (errno.EACCES, errno.EPERM) and not os.access(folder, os.W_OK | os.X_OK):
        reason = tr(
            "you may not create files in the folder {folder} (saving writes a new copy beside the plan, then puts it in place)",
            folder=folder,
        )
    elif error.errno == errno.EROFS:
        reason = tr("the folder {folder} is on a read-only file system", folder=folder)
    elif error.errno == errno.ENOENT and not os.path.isdir(folder):
        reason = tr("there is no folder {folder}", folder=folder)
    else:
        reason = os_reason(error)
    return PlanError.of_file(source, tr("cannot save: {reason}", reason=reason))


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def _fsync_folder(folder: str) -> None:
    """Make the rename itself durable; some file systems cannot, and that is not an error."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
