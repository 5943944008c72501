r"""
线程、进程与 asyncio
====================

两种负载各做一遍：CPU 密集（纯 Python 循环）和 I/O 密集（等待，用 ``sleep`` 模拟网络请求）。
每种负载分别顺序执行、用 4 个线程、用 4 个进程、用 asyncio 执行，计时并画成柱状图。
画图需要 ``pip install matplotlib``。
"""
# sphinx_gallery_mpnotes_exclusive = True  # it measures time: nothing else runs beside it

# %%
# 线程池和进程池都先热身，计时不包括启动它们。asyncio 做 CPU 密集的任务时，
# 协程里没有可以让出的 ``await``，只能一个接一个地算。
import asyncio
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

CPU_TASKS, CPU_N = 4, 1_500_000
ROUNDS = 3
IO_TASKS, IO_WAIT = 8, 0.1


def burn(n):
    total = 0
    for i in range(n):
        total += i * i
    return total


def wait(seconds):
    time.sleep(seconds)


async def burn_async(n):
    return burn(n)


async def wait_async(seconds):
    await asyncio.sleep(seconds)


def timed(func):
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


async def gather(coro, args):
    await asyncio.gather(*(coro(a) for a in args))


def measure(threads, processes, load):
    if load == "CPU 密集":
        func, coro, args = burn, burn_async, [CPU_N] * CPU_TASKS
    else:
        func, coro, args = wait, wait_async, [IO_WAIT] * IO_TASKS
    return {
        "顺序": timed(lambda: [func(a) for a in args]),
        "4 个线程": timed(lambda: list(threads.map(func, args))),
        "4 个进程": timed(lambda: list(processes.map(func, args))),
        "asyncio": timed(lambda: asyncio.run(gather(coro, args))),
    }


# %%
# CPU 密集的四种做法轮流测三轮，每种取最快的一轮；I/O 密集的耗时由等待决定，测一轮就够。
# 每种做法相对顺序执行的加速比；“更快”按至少快 20% 判断，结论由本次运行的数字算出。
if __name__ == "__main__":
    with ThreadPoolExecutor(4) as threads, ProcessPoolExecutor(4) as processes:
        list(processes.map(wait, [0.05] * 4))  # 热身：让 4 个工作进程都启动起来
        runs = [measure(threads, processes, "CPU 密集") for _ in range(ROUNDS)]
        results = {
            "CPU 密集": {name: min(run[name] for run in runs) for name in runs[0]},
            "I/O 密集": measure(threads, processes, "I/O 密集"),
        }
    sequential = sorted(run["顺序"] for run in runs)
    if sequential[len(sequential) // 2] > 1.3 * sequential[0]:
        print("注意：顺序执行的几轮相差超过 30%，机器上有别的负载，CPU 密集的数字偏差较大")
    for load, row in results.items():
        print(f"{load}：")
        for name, seconds in row.items():
            speedup = row["顺序"] / seconds
            verdict = "" if name == "顺序" else "，更快" if speedup >= 1.2 else "，不比顺序执行快"
            print(f"  {name}：{seconds:.3f} 秒，加速比 {speedup:.1f}{verdict}")

# %%
# 柱子越短越好。
if __name__ == "__main__":
    try:
        import matplotlib.pyplot as plt
    except ImportError:
        plt = None
        print("画图需要 matplotlib：pip install matplotlib")
if __name__ == "__main__" and plt is not None:
    plt.rcParams["font.sans-serif"] = [
        *("Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "SimHei"),
        "DejaVu Sans",
    ]
    fig, axes = plt.subplots(1, 2, figsize=(8, 3.6))
    for ax, (load, row) in zip(axes, results.items(), strict=True):
        ax.bar(list(row), list(row.values()), color=["gray", "C0", "C1", "C2"])
        ax.set_title(load)
        ax.set_ylabel("耗时（秒）")
    fig.tight_layout()
