"""Keep every process of one run in view (Linux): ``python _keeper.py STATUS_FD COMMAND...``.

The engine (:mod:`mpnotes.engine`) starts an example's interpreter through this keeper. The keeper
makes itself a child subreaper (``prctl(PR_SET_CHILD_SUBREAPER)``, Linux 3.4+): a process whose
parent exits is re-parented to the nearest subreaper among its ancestors instead of to init. So
every process the command starts stays a descendant of the keeper, however it detaches (a double
fork, a new session, an empty environment), and the engine finds them all with one walk down the
tree.

The keeper runs COMMAND as its child with stdin from ``/dev/null`` and the keeper's own stdout and
stderr (the run's terminal); it then points its own stdout and stderr at ``/dev/null``, so that the
terminal reaches end-of-file when the last process of the run closes it, not when the keeper exits.
It writes two lines to the pipe STATUS_FD: the command's PID at once, and its exit status (as
:attr:`subprocess.Popen.returncode` gives it) when it exits. It reaps every child it has or adopts
and exits when it has none left, that is, when every process of the run is gone.

Like :mod:`mpnotes._runner`, it imports nothing from the rest of the package.
"""

import ctypes
import os
import sys

PR_SET_CHILD_SUBREAPER = 36


def main(status_fd, argv):
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        errno = ctypes.get_errno()
        os.write(2, f"mpnotes keeper: prctl failed: {os.strerror(errno)}\n".encode())
        return 70
    pid = os.fork()
    if pid == 0:
        try:
            os.close(status_fd)
            null = os.open(os.devnull, os.O_RDONLY)
            os.dup2(null, 0)
            os.close(null)
            os.execv(argv[0], argv)
        finally:
            os._exit(127)
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 1)
    os.dup2(null, 2)
    os.close(null)
    os.write(status_fd, f"{pid}\n".encode())
    while True:
        try:
            child, status = os.waitpid(-1, 0)
        except ChildProcessError:  # no child, adopted or not, is left: the run is over
            return 0
        except InterruptedError:
            continue
        if child == pid:
            os.write(status_fd, f"{os.waitstatus_to_exitcode(status)}\n".encode())


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]), sys.argv[2:]))
