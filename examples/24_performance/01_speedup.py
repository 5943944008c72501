r"""
加速比与工作进程数
==================

同一批 CPU 密集的任务，分别用 1 到 4 个工作进程的进程池执行，计算相对单进程的加速比，
并和本机可用的 CPU 核数画在一起：工作进程多于核数以后，加速比不会再上升。
画图需要 ``pip install matplotlib``。
"""

# %%
# 12 个相同的任务，能被 1、2、3、4 整除，每个进程分到的一样多。
# 进程池先用一轮空任务热身，计时不包括启动进程。
import multiprocessing
import os
import time

TASKS = 12
N = 1_000_000
MAX_WORKERS = 4


def burn(n):
    total = 0
    for i in range(n):
        total += i * i
    return total


def usable_cpus():
    if hasattr(os, "process_cpu_count"):  # Python 3.13 起
        return os.process_cpu_count() or 1
    if hasattr(os, "sched_getaffinity"):  # Linux
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def timed_pool(workers):
    with multiprocessing.Pool(workers) as pool:
        pool.map(burn, [1] * workers, chunksize=1)  # 热身
        best = float("inf")
        for _ in range(2):
            start = time.perf_counter()
            pool.map(burn, [N] * TASKS, chunksize=1)
            best = min(best, time.perf_counter() - start)
    return best


# %%
# 加速比 = 1 个进程的耗时 ÷ k 个进程的耗时。结论由本次运行的数字算出：
# 多于核数的进程是否还有用，按“至少快 20%”判断。
if __name__ == "__main__":
    cpus = usable_cpus()
    counts = list(range(1, MAX_WORKERS + 1))
    times = [timed_pool(k) for k in counts]
    speedups = [times[0] / t for t in times]
    print(f"本机可用的 CPU 核数：{cpus}")
    for k, t, s in zip(counts, times, speedups, strict=True):
        print(f"{k} 个进程：{t:.3f} 秒，加速比 {s:.2f}")
    at_limit = speedups[min(cpus, MAX_WORKERS) - 1]
    beyond = max(speedups[min(cpus, MAX_WORKERS) :], default=None)
    if beyond is None:
        print(f"核数不少于 {MAX_WORKERS}，图上看不到超过核数的情形")
    elif beyond > at_limit * 1.2:
        print("多于核数的进程还让它更快了至少 20%")
    else:
        print("多于核数以后，加速比没有再提高 20% 以上")

# %%
# 虚线是理想情况：加速比等于进程数，直到核数为止。
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
    fig, ax = plt.subplots(figsize=(6.4, 4))
    ax.plot(counts, speedups, "o-", label="实测加速比")
    ax.plot(counts, [min(k, cpus) for k in counts], "--", color="gray", label="理想加速比")
    ax.axvline(cpus, color="red", alpha=0.5, label=f"可用 CPU 核数（{cpus}）")
    ax.set_xticks(counts)
    ax.set_xlabel("工作进程数")
    ax.set_ylabel("加速比（相对 1 个进程）")
    ax.set_title("CPU 密集任务的加速比")
    ax.set_ylim(0, max(MAX_WORKERS, *speedups) + 0.5)
    ax.legend()
