r"""
线程信号量管不住进程
====================

``threading.Semaphore`` 只在一个进程之内有效。
spawn 和 forkserver 要把参数序列化后传给子进程，它根本传不过去；
fork 能“传”过去，但每个子进程拿到的是自己的一份拷贝，名额限制形同虚设。
"""

# %%
# 和上一个例子相同的计数方法，只是信号量换成了 ``threading.Semaphore(2)``。
import multiprocessing
import threading
import time


def worker(semaphore, holding, peak):
    with semaphore:
        with holding.get_lock():
            holding.value += 1
            peak.value = max(peak.value, holding.value)
        time.sleep(0.2)
        with holding.get_lock():
            holding.value -= 1


def peak_holders(ctx, semaphore):
    holding = ctx.Value("i", 0)
    peak = ctx.Value("i", 0)
    procs = [ctx.Process(target=worker, args=(semaphore, holding, peak)) for _ in range(6)]
    try:
        for p in procs:
            p.start()
    finally:
        for p in procs:
            if p.pid is not None:
                p.join()
    return peak.value


# %%
# 6 个进程、2 个名额。
if __name__ == "__main__":
    for method in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context(method)
        try:
            peak = peak_holders(ctx, threading.Semaphore(2))
            print(f"{method} + threading.Semaphore(2)：同时持有的进程最多 {peak} 个")
        except Exception as exc:
            print(f"{method} + threading.Semaphore(2)：{type(exc).__name__}: {exc}")
    spawn = multiprocessing.get_context("spawn")
    peak = peak_holders(spawn, spawn.Semaphore(2))
    print(f"对照，spawn + multiprocessing.Semaphore(2)：同时持有的进程最多 {peak} 个")
