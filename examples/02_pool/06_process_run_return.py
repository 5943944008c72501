r"""
run() 的返回值会丢失
====================

``Process`` 子类的 ``run()`` 返回什么都没人接收：``start()`` 和 ``join()`` 都返回 ``None``，
父进程只能看到 ``exitcode``。
要拿回结果，得让子进程把它放进 ``Queue`` 等通道，或者改用进程池。
"""

# %%
# 原笔记的 ``MuProcess``：``run()`` 返回自己睡了多久。
import multiprocessing
import os
import time


class MuProcess(multiprocessing.Process):
    def __init__(self, name, seconds):
        super().__init__()
        self.name = str(name)
        self.seconds = seconds

    def run(self):
        print(f"任务 {self.name} 在进程 {os.getpid()} 中运行")
        time.sleep(self.seconds)
        return self.seconds


# %%
# 原笔记写的是 ``callback(p.start())``：回调在启动时就被调用，
# 拿到的只是 ``start()`` 的返回值 ``None``。
if __name__ == "__main__":
    processes = [MuProcess(i, 0.1 * (i + 1)) for i in range(3)]
    for p in processes:
        print("start() 返回：", p.start())
    for p in processes:
        print(f"进程 {p.name}：join() 返回 {p.join()}，exitcode = {p.exitcode}")
