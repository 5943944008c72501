r"""
为什么要用多进程
================

同样几份纯 Python 计算（份数等于可用的 CPU 数，至少 2、至多 4）分别顺序执行、用同样多的线程、
协程、进程执行，再用线程做几份“等待 I/O”的任务。结论由脚本按这次运行的计时自己判断：
线程和协程看平均同时用了几个 CPU，进程看比顺序执行快了多少。
"""
# sphinx_gallery_mpnotes_exclusive = True

# %%
# ``burn()`` 是纯 Python 的循环，执行时一直占着 GIL；``wait_io()`` 用睡眠代替等待网络或磁盘。
# ``timed()`` 返回墙上时间和本进程（所有线程合计）用掉的 CPU 时间。
import asyncio
import os
import sys
import threading
import time
from multiprocessing import Process

N = 3_000_000  # 每份计算在普通机器上要零点几秒，远大于启动一个进程的开销


def burn(n=N):
    total = 0
    for i in range(n):
        total += i * i
    return total


def wait_io():
    time.sleep(0.2)


def in_parallel(make, func, tasks):
    workers = [make(target=func) for _ in range(tasks)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()


async def burn_async():
    burn()  # 没有 await，协程之间无从切换


async def gather_all(tasks):
    await asyncio.gather(*(burn_async() for _ in range(tasks)))


def timed(run):
    wall, cpu = time.perf_counter(), time.process_time()
    run()
    return time.perf_counter() - wall, time.process_time() - cpu


def verdict(speedup):
    return "明显更快" if speedup > 1.2 else "没有明显更快"


# %%
# 加速比 = 顺序执行的用时 ÷ 并行的用时。进程的用时包括启动进程的开销。
if __name__ == "__main__":
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    tasks = max(2, min(cpus, 4))
    gil = getattr(sys, "_is_gil_enabled", lambda: True)()
    print(f"本机可用 CPU：{cpus} 个；GIL 开启：{gil}；每种做法各跑 {tasks} 份")
    ways = {
        "顺序执行": lambda: [burn() for _ in range(tasks)],
        "线程": lambda: in_parallel(threading.Thread, burn, tasks),
        "协程": lambda: asyncio.run(gather_all(tasks)),
        "进程": lambda: in_parallel(Process, burn, tasks),
        "I/O 顺序执行": lambda: [wait_io() for _ in range(tasks)],
        "I/O 线程": lambda: in_parallel(threading.Thread, wait_io, tasks),
    }
    best = dict.fromkeys(ways, (float("inf"), 0.0))
    for _ in range(3):  # 轮流测三轮、各取最快的一轮：别的程序偶尔占一下 CPU，不至于左右结论
        for name, run in ways.items():
            best[name] = min(best[name], timed(run))
    for label in ("线程", "协程"):
        wall, cpu = best[label]
        used = "在并行" if cpu / wall > 1.2 else "没有并行，不会比顺序执行快"
        print(f"CPU 密集，{tasks} 个{label}：平均同时用了 {cpu / wall:.1f} 个 CPU，{used}")
    speedup = best["顺序执行"][0] / best["进程"][0]
    print(f"CPU 密集，{tasks} 个进程：比顺序执行{verdict(speedup)}（加速比 {speedup:.1f}）")
    if speedup <= 1.2 and cpus > 1:
        print("  有多个可用 CPU，进程却没有更快：这次运行时，别的程序多半正占着 CPU")
    print(f"  进程最多能快到 {min(tasks, cpus)} 倍：同时运行的进程数不超过可用 CPU 数")
    speedup = best["I/O 顺序执行"][0] / best["I/O 线程"][0]
    print(f"I/O 密集，{tasks} 个线程：比顺序执行{verdict(speedup)}（加速比 {speedup:.1f}）")
