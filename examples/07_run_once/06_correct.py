r"""
正确的写法
==========

标志和它的锁都在主程序块里创建、作为参数传给 ``run``；
``run`` 在锁里检查并设置标志，只有第一个到达的进程启动 ``printx``；
主进程等所有 ``run`` 进程结束。这里的标志用 ``multiprocessing.Value``\ （共享内存，
自带一把锁），不需要管理器进程。
本例在平台支持的每种启动方式下各运行一遍。
"""
# sphinx_gallery_mpnotes_varies = [r"Process-\d+"]

# %%
# ``started.get_lock()`` 保证“检查并设置”是一步完成的；启动 ``printx`` 不必放在锁里。
import multiprocessing
import time


class ScheduleTest:
    @staticmethod
    def printx():
        for _ in range(3):  # 原题：while True
            print("hello x", flush=True)
            time.sleep(0.2)

    def run(self, started):
        name = multiprocessing.current_process().name
        with started.get_lock():
            first = not started.value
            started.value = 1
        if not first:
            print(f"{name}: printx has ran.", flush=True)
            return
        print(f"{name}: printx is running...", flush=True)
        my_process = multiprocessing.Process(target=self.printx)
        my_process.start()
        my_process.join()


def app_run(ctx):
    started = ctx.Value("b", 0)
    my_schedule = ScheduleTest()
    procs = [ctx.Process(target=my_schedule.run, args=(started,)) for _ in range(3)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()


# %%
# 每种启动方式下，``printx is running...`` 都只出现一次。
if __name__ == "__main__":
    for method in multiprocessing.get_all_start_methods():
        print(f"—— {method}", flush=True)
        app_run(multiprocessing.get_context(method))
