r"""
写法四：管理器里的标志加锁
==========================

用管理器里的 ``Value`` 记下 ``printx`` 是否已经启动，在锁里检查并设置。思路是对的，
但主进程启动三个 ``run`` 后不等它们就退出了：解释器退出时 ``multiprocessing`` 先关闭管理器，
再等子进程，于是 ``run`` 进程访问标志时，管理器已经不在了。
"""
# sphinx_gallery_mpnotes_varies = [r"Process-\d+"]

# %%
# ``Manager`` 和 ``Lock`` 在主程序块里创建、
# 作为参数传入（模块顶层的写法在 spawn 下的问题见“进程锁”一章）。
# ``run`` 先停 0.1 秒再检查标志，模拟它先做点别的事；没有这一步，结果就看时机。
# ``run`` 捕获访问管理器时的异常并打印异常类型。
# ``printx`` 打印三次就结束（原题是 ``while True``）。
import multiprocessing
import time


class ScheduleTest:
    @staticmethod
    def printx():
        for _ in range(3):
            print("hello x", flush=True)
            time.sleep(0.2)

    def run(self, flag, lock):
        name = multiprocessing.current_process().name
        time.sleep(0.1)
        try:
            with lock:
                if not flag.value:
                    print(f"{name}: printx is running...", flush=True)
                    my_process = multiprocessing.Process(target=self.printx)
                    my_process.start()
                    flag.value += 1
                else:
                    print(f"{name}: printx has ran.", flush=True)
        except Exception as exc:
            print(f"{name}: 访问管理器失败：{type(exc).__name__}", flush=True)


def app_run(ctx, flag, lock):
    my_schedule = ScheduleTest()
    procs = [ctx.Process(target=my_schedule.run, args=(flag, lock)) for _ in range(3)]
    for p in procs:
        p.start()
    return procs


# %%
# 先看等 ``run`` 进程都结束、再关闭管理器的情形；
# 再让 ``app_run()`` 返回后主进程直接结束（原笔记的写法）。
# 原笔记的模块顶层 ``Manager()`` 只在 fork 下能用，所以第二段只在 fork 下运行。
if __name__ == "__main__":
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    lock = ctx.Lock()

    print("—— 关闭管理器之前先 join：", flush=True)
    with ctx.Manager() as manager:
        flag = manager.Value("i", 0)
        for p in app_run(ctx, flag, lock):
            p.join()

    if "fork" in methods:
        print("—— 不 join，主进程直接结束：", flush=True)
        manager = ctx.Manager()
        flag = manager.Value("i", 0)
        app_run(ctx, flag, lock)
