r"""
写法三：run() 里用 Lock
=======================

原笔记说“进程锁就是大小为 1 的信号量”，把写法二的信号量换成模块顶层的 ``Lock``，
在 ``with lock:`` 里等 ``printx`` 结束。
在这里两者的表现确实一样。fork 下三个 ``run`` 共用这一把锁：
第一个拿到后等一个永不结束的 ``printx``，另外两个永远等在锁上；
spawn 下每个子进程重新导入主模块，各有一把锁，三个 ``printx`` 照样同时运行。
forkserver 在 3.13.8、3.14.1 以前和 spawn 一样，之后和 fork 一样。
"""

# %%
# ``running`` 和 ``peak`` 记录同时在运行的 ``printx`` 个数及其最大值。
import multiprocessing
import time

WINDOW = 1.0

lock = multiprocessing.Lock()  # 原笔记的写法：模块顶层


class ScheduleTest:
    @staticmethod
    def printx(stop, running, peak):
        with running.get_lock():
            running.value += 1
            peak.value = max(peak.value, running.value)
        for _ in range(40):  # 原题：while True
            print(f"hello x，来自 {multiprocessing.current_process().name}", flush=True)
            if stop.wait(0.25):
                break
        with running.get_lock():
            running.value -= 1

    def run(self, stop, running, peak):
        with lock:
            print(f"{multiprocessing.current_process().name}: printx is running...", flush=True)
            my_process = multiprocessing.Process(target=self.printx, args=(stop, running, peak))
            my_process.start()
            my_process.join()


def join_for(procs, seconds):
    """最多等 seconds 秒，返回仍在运行的进程名。"""
    deadline = time.monotonic() + seconds
    for p in procs:
        p.join(max(0.0, deadline - time.monotonic()))
    return [p.name for p in procs if p.is_alive()]


def app_run(method):
    ctx = multiprocessing.get_context(method)
    stop, running, peak = ctx.Event(), ctx.Value("i", 0), ctx.Value("i", 0)
    my_schedule = ScheduleTest()
    procs = [ctx.Process(target=my_schedule.run, args=(stop, running, peak)) for _ in range(3)]
    for p in procs:
        p.start()
    print(f"[{method}] {WINDOW} 秒后仍在运行的 run 进程：", join_for(procs, WINDOW), flush=True)
    print(f"[{method}] 这段时间里同时运行的 printx 最多 {peak.value} 个；设置 stop", flush=True)
    stop.set()
    print(f"[{method}] 再等 5 秒仍未结束的：", join_for(procs, 5.0), flush=True)
    for p in procs:
        if p.is_alive():
            p.terminate()
            p.join()


# %%
# 依次用本平台支持的每种启动方式运行。
if __name__ == "__main__":
    for method in multiprocessing.get_all_start_methods():
        app_run(method)
