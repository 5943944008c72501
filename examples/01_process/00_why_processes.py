r"""
CPU 密集任务：线程、协程与进程
==============================

同样的纯 Python 计算分成两份，分别顺序执行、用两个线程、用两个协程、
用两个进程执行并计时。在有 GIL 的 CPython 上，线程和协程都不会比顺序执行快；
进程各有自己的解释器和 GIL，可以同时用上多个 CPU 核。
"""

# %%
# ``burn(n)`` 是一段纯 Python 的循环，执行期间一直占着 GIL。
import asyncio
import multiprocessing
import os
import sys
import threading
import time

N = 4_000_000
TASKS = 2


def burn(n):
    total = 0
    for i in range(n):
        total += i * i
    return total


def run_threads():
    threads = [threading.Thread(target=burn, args=(N,)) for _ in range(TASKS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


async def burn_async(n):
    return burn(n)  # 协程里没有 await 可以让出的地方，计算照样一个接一个地做


def run_coroutines():
    async def main():
        await asyncio.gather(*(burn_async(N) for _ in range(TASKS)))

    asyncio.run(main())


def run_processes():
    processes = [multiprocessing.Process(target=burn, args=(N,)) for _ in range(TASKS)]
    for p in processes:
        p.start()
    for p in processes:
        p.join()


def timed(label, func):
    start = time.perf_counter()
    func()
    print(f"{label:<8} {time.perf_counter() - start:.2f} 秒")


# %%
# 进程的计时包括启动进程的开销（spawn 下较明显）。
# 秒数取决于机器、CPU 核数和当时的负载，每次运行都不同。
if __name__ == "__main__":
    gil = getattr(sys, "_is_gil_enabled", lambda: True)()
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    print(f"Python {version}，GIL 开启：{gil}，CPU 核数：{os.cpu_count()}")
    timed("顺序执行", lambda: [burn(N) for _ in range(TASKS)])
    timed("两个线程", run_threads)
    timed("两个协程", run_coroutines)
    timed("两个进程", run_processes)
