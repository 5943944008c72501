r"""
写法一：主进程里加锁
====================

原笔记把 ``start()`` 和 ``join()`` 包在 ``with lock:`` 里。锁只在主进程里用，从来不会被争抢；
真正起作用的是 ``join()``：它让三个 ``run`` 一个接一个地运行。``printx`` 永不结束时，
第一个 ``join()`` 就永远等下去，后两个 ``run`` 根本不会启动，看起来像“只运行了一次”。
"""

# %%
# ``printx`` 打印一行后一直等到 ``stop`` 被设置为止。
import multiprocessing

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


# %%
# 原来的 ``p.join()`` 换成最多等 1 秒；等不到就报告，然后设置 ``stop``，让循环继续。
if __name__ == "__main__":
    lock = multiprocessing.Lock()  # 只有主进程用到这把锁
    stop = multiprocessing.Event()
    my_schedule = ScheduleTest()
    for i in range(3):
        with lock:
            p = multiprocessing.Process(target=my_schedule.run, args=(stop,))
            p.start()
            p.join(WINDOW)
            if p.is_alive():
                print(
                    f"第 {i + 1} 个 run 进程 {WINDOW} 秒后仍未结束：原来的 join() 会一直等下去",
                    flush=True,
                )
                stop.set()
                p.join()
            print(f"第 {i + 1} 个 run 进程已结束", flush=True)
