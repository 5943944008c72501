"""
Process：start 与 join
======================

:class:`multiprocessing.Process` 在 ``start()`` 时启动子进程，``join()`` 阻塞父进程直到子进程结束。
``daemon`` 要在 ``start()`` 之前设置。
"""

# %%
import os
import time
from multiprocessing import Process


def sleeper(name, seconds):
    print(f"starting child process with id: {os.getpid()}")
    print(f"parent process: {os.getppid()}")
    print(f"sleeping for {seconds} s")
    time.sleep(seconds)
    print(f"{name} done sleeping")


# %%
if __name__ == "__main__":
    print(f"in parent process (id {os.getpid()})")
    p = Process(target=sleeper, args=("bob", 0.5))
    print("daemon?", p.daemon)
    p.daemon = not p.daemon
    print("daemon?", p.daemon)
    p.start()
    print("in parent process after child process start")
    print("parent process about to join child process")
    p.join()
    print("in parent process after child process join")
    print(f"parent process exiting with id {os.getpid()}")
    print(f"the parent's parent process: {os.getppid()}")
