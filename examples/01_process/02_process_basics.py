"""
Process：start 与 join
======================

:class:`multiprocessing.Process` 在 ``start()`` 时启动子进程，``join()`` 阻塞父进程直到子进程结束。
"""

# %%
# 工作函数定义在模块顶层：spawn 和 forkserver 要在子进程里按名字找到它。
import os
import time
from multiprocessing import Process


def sleeper(name, seconds):
    print(f"子进程 {os.getpid()} 开始，父进程是 {os.getppid()}")
    print(f"睡 {seconds} 秒")
    time.sleep(seconds)
    print(f"{name} 睡醒了")


# %%
# 启动子进程的代码放在 ``if __name__ == "__main__":`` 里面。
if __name__ == "__main__":
    print(f"父进程 {os.getpid()}，它自己的父进程（启动脚本的 shell 等）是 {os.getppid()}")
    p = Process(target=sleeper, args=("bob", 0.5))
    print("start() 之前，daemon =", p.daemon)
    p.start()
    print("start() 已返回，父进程继续运行")
    p.join()
    print("join() 已返回：子进程结束了，退出码", p.exitcode)
