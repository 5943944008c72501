r"""
写法二：run() 里用 Semaphore(1)
===============================

原笔记在模块顶层创建 ``s = Semaphore(1)``，``run()`` 里获取它、等 ``printx`` 结束再释放。
fork 下三个 ``run`` 共用这一个信号量：第一个拿到后等一个永不结束的 ``printx``，
另外两个等在 ``acquire()`` 上；
spawn 下每个子进程重新导入主模块，各有一个信号量，三个 ``printx`` 照样同时运行。
forkserver 在 3.13.8、3.14.1 以前和 spawn 一样，之后和 fork 一样。
"""
# sphinx_gallery_mpnotes_varies = [r"Process-\d+", r"\d+ leaked"]

# %%
# ``arrived`` 数走到 ``acquire()`` 的 ``run``，``acquired`` 数拿到信号量的；
# ``running`` 和 ``peak`` 记录同时在运行的 ``printx`` 个数及其最大值。
import multiprocessing
import time

s = multiprocessing.Semaphore(1)  # 原笔记的写法：模块顶层


class ScheduleTest:
    @staticmethod
    def printx(stop, running, peak):
        print(f"hello x，来自 {multiprocessing.current_process().name}", flush=True)
        with running.get_lock():
            running.value += 1
            peak.value = max(peak.value, running.value)
        stop.wait(10)  # 原题是 while True 一直打印；这里一直等到主进程设置 stop
        with running.get_lock():
            running.value -= 1

    def run(self, stop, counts):
        arrived, acquired, running, peak = counts
        with arrived.get_lock():
            arrived.value += 1
        s.acquire()
        with acquired.get_lock():
            acquired.value += 1
        print(f"{multiprocessing.current_process().name}: printx is running...", flush=True)
        my_process = multiprocessing.Process(target=self.printx, args=(stop, running, peak))
        my_process.start()
        my_process.join()
        s.release()


def wait_until(condition, seconds=10.0):
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.02)


def app_run(method):
    ctx = multiprocessing.get_context(method)
    stop = ctx.Event()
    counts = arrived, acquired, running, peak = [ctx.Value("i", 0) for _ in range(4)]
    my_schedule = ScheduleTest()
    procs = [ctx.Process(target=my_schedule.run, args=(stop, counts)) for _ in range(3)]
    for p in procs:
        p.start()
    # 三个 run 都走到 acquire() 之后，再等拿到信号量的那几个都启动了 printx。
    wait_until(lambda: arrived.value == 3)
    time.sleep(0.2)
    wait_until(lambda: running.value == acquired.value)
    alive = [p.name for p in procs if p.is_alive()]
    print(f"[{method}] 三个 run 都到了 acquire()，仍在运行的 run 进程：{alive}", flush=True)
    print(f"[{method}] 同时运行的 printx 最多 {peak.value} 个；设置 stop", flush=True)
    stop.set()
    for p in procs:
        p.join(10)
    print(f"[{method}] 之后全部结束：{not any(p.is_alive() for p in procs)}", flush=True)


# %%
# 依次用本平台支持的每种启动方式运行。
if __name__ == "__main__":
    for method in multiprocessing.get_all_start_methods():
        app_run(method)
