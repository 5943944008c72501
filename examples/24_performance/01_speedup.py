r"""
加速比与工作进程数
==================

同一批 CPU 密集的任务，分别用 1 到 4 个工作进程的进程池执行，计算相对单进程的加速比，
并和本机可用的 CPU 核数画在一起：工作进程多于核数以后，加速比一般不会再明显上升。
画图需要 ``pip install matplotlib``。
"""
# sphinx_gallery_mpnotes_exclusive = True  # it measures time: nothing else runs beside it

# %%
# 12 个相同的任务，能被 1、2、3、4 整除，每个进程分到的一样多。
# 四个进程池先启动好、热身，计时不包括启动进程；各进程池轮流计时三轮，取每个的最快一轮，
# 这样机器上别的负载时有时无时，对各个进程池的影响差不多。
import multiprocessing
import os
import time

TASKS, N, ROUNDS, MAX_WORKERS = 12, 500_000, 3, 4


def burn(n):
    total = 0
    for i in range(n):
        total += i * i
    return total


def usable_cpus():
    if hasattr(os, "process_cpu_count"):  # Python 3.13 起
        return os.process_cpu_count() or 1
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def timed(pool):
    start = time.perf_counter()
    pool.map(burn, [N] * TASKS, chunksize=1)
    return time.perf_counter() - start


# %%
# 加速比 = 1 个进程的耗时 ÷ k 个进程的耗时。结论由本次运行的数字算出：
# 多于核数的进程是否还有用，按“至少快 20%”判断。计时前先在本进程里算一份，本进程没拿到九成以上的
# CPU 时间，或者进程数等于核数时还不比 1 个进程快 20%，都说明机器上有别的负载，先打印提醒。
if __name__ == "__main__":
    cpus = usable_cpus()
    start, cpu = time.perf_counter(), time.process_time()
    burn(N)
    share = (time.process_time() - cpu) / (time.perf_counter() - start)
    counts = list(range(1, MAX_WORKERS + 1))
    pools = [multiprocessing.Pool(k) for k in counts]
    for pool, k in zip(pools, counts, strict=True):
        pool.map(burn, [1] * k, chunksize=1)  # 热身
    rounds = [[timed(pool) for pool in pools] for _ in range(ROUNDS)]
    for pool in pools:
        pool.close()
        pool.join()
    times = [min(r[i] for r in rounds) for i in range(len(counts))]
    speedups = [times[0] / t for t in times]
    print(f"本机可用的 CPU 核数：{cpus}")
    limit = min(cpus, MAX_WORKERS)
    if share < 0.9 or (limit > 1 and speedups[limit - 1] < 1.2):
        print("注意：这次运行时机器上有别的负载，可用的核没有都空着，下面的加速比偏低")
    for k, t, s in zip(counts, times, speedups, strict=True):
        print(f"{k} 个进程：{t:.3f} 秒，加速比 {s:.2f}")
    at_limit = speedups[limit - 1]
    beyond = max(speedups[limit:], default=None)
    if beyond is None:
        print(f"核数不少于 {MAX_WORKERS}，图上看不到超过核数的情形")
    elif beyond > at_limit * 1.2:
        print("多于核数的进程还让它更快了至少 20%")
    else:
        print("多于核数以后，加速比没有再提高 20% 以上")

# %%
# 虚线是理想情况：加速比等于进程数，直到核数为止；竖线是可用的 CPU 核数。
if __name__ == "__main__":
    try:
        import matplotlib.pyplot as plt
    except ImportError:
        plt = None
        print("画图需要 matplotlib：pip install matplotlib")
if __name__ == "__main__" and plt is not None:
    plt.rcParams["font.sans-serif"] = ["Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC"]
    fig, ax = plt.subplots(figsize=(5, 3.6), layout="constrained")
    ax.plot(counts, speedups, "o-", label="实测加速比")
    ax.plot(counts, [min(k, cpus) for k in counts], "--", color="gray", label="理想加速比")
    ax.axvline(cpus, color="red", alpha=0.5, label=f"可用 CPU 核数（{cpus}）")
    ax.set_xticks(counts)
    ax.set_ylim(0, max(min(cpus, MAX_WORKERS), *speedups) + 0.5)
    ax.set(xlabel="工作进程数", ylabel="加速比（相对 1 个进程）", title="CPU 密集任务的加速比")
    ax.legend()
