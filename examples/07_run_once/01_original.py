r"""
原题：三个 printx 同时运行
==========================

三个 ``run`` 进程各启动一个 ``printx``。原题的 ``printx`` 是 ``while True`` 死循环；
这里它打印一行后一直等，直到主进程设置 ``stop`` 事件为止，主进程观察 1 秒后再设置。
"""

# %%
# ``run`` 启动 ``printx`` 后就返回，但 ``run`` 进程退出前会等它的非守护子进程 ``printx`` 结束。
import multiprocessing
import time

WINDOW = 1.0


class ScheduleTest:
    @staticmethod
    def printx(stop):
        print(f"hello x，来自 {multiprocessing.current_process().name}", flush=True)
        stop.wait(10)  # 原题是 while True 一直打印；这里一直等到主进程设置 stop

    def run(self, stop):
        print("printx is running...", flush=True)
        my_process = multiprocessing.Process(target=self.printx, args=(stop,))
        my_process.start()


def join_for(procs, seconds):
    """最多等 seconds 秒，返回仍在运行的进程名。"""
    deadline = time.monotonic() + seconds
    for p in procs:
        p.join(max(0.0, deadline - time.monotonic()))
    return [p.name for p in procs if p.is_alive()]


def app_run(stop):
    my_schedule = ScheduleTest()
    procs = [multiprocessing.Process(target=my_schedule.run, args=(stop,)) for _ in range(3)]
    for p in procs:
        p.start()
    return procs


# %%
# 原题的主进程在 ``app_run()`` 返回后退出，解释器退出时会一直等三个 ``run`` 进程。
# 这里改成等 1 秒，报告还有哪些在运行，然后让 ``printx`` 停下来。
if __name__ == "__main__":
    stop = multiprocessing.Event()
    procs = app_run(stop)
    print(f"{WINDOW} 秒后仍在运行的 run 进程：", join_for(procs, WINDOW), flush=True)
    stop.set()
    for p in procs:
        p.join()
