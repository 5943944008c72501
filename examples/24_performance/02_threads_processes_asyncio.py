r"""
线程、进程与 asyncio
====================

两种负载各做一遍：CPU 密集（纯 Python 循环）和 I/O 密集（等待，用 ``sleep`` 模拟网络请求）。
每种负载分别顺序执行、用 4 个线程、用 4 个进程、用 asyncio 执行，计时并画成柱状图。
画图需要 ``pip install matplotlib``。
"""
# sphinx_gallery_mpnotes_exclusive = True  # it measures time: nothing else runs beside it

# %%
# 每种负载是同一个函数、同一组参数，用四种方式执行。线程池和进程池都先热身，计时不包括启动它们。
import asyncio
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor


def burn(n):
    total = 0
    for i in range(n):
        total += i * i
    return total


def wait(seconds):
    time.sleep(seconds)


async def run_async(load, args):
    if load == "CPU 密集":
        return [burn(a) for a in args]  # 没有 await：协程只能一个接一个地算
    await asyncio.gather(*(asyncio.sleep(a) for a in args))


LOADS = {"CPU 密集": (burn, [1_500_000] * 4), "I/O 密集": (wait, [0.1] * 8)}


def measure(load, threads, processes):
    func, args = LOADS[load]
    ways = {
        "顺序": lambda: [func(a) for a in args],
        "4 个线程": lambda: list(threads.map(func, args)),
        "4 个进程": lambda: list(processes.map(func, args)),
        "asyncio": lambda: asyncio.run(run_async(load, args)),
    }
    times = {}
    for name, way in ways.items():
        start, cpu = time.perf_counter(), time.process_time()
        way()
        times[name] = time.perf_counter() - start
        if name == "顺序":  # 本进程在这段时间里实际得到的 CPU 时间
            share = (time.process_time() - cpu) / times[name]
    return times, share


# %%
# CPU 密集的四种做法轮流测三轮，各取最快的一轮；I/O 密集的耗时由等待决定，测一轮就够。
# 结论由本次运行算出：加速比至少 1.5 算“明显更快”，不超过 0.67（耗时至少 1.5 倍）算“更慢”；
# 顺序执行时本进程没拿到九成以上的 CPU 时间，或者 4 个进程还不比顺序执行快 20%，先打印提醒。
if __name__ == "__main__":
    with ThreadPoolExecutor(4) as threads, ProcessPoolExecutor(4) as processes:
        list(processes.map(wait, [0.05] * 4))  # 热身：让 4 个工作进程都启动起来
        results, shares = {}, []
        for load in LOADS:
            rounds = 3 if load == "CPU 密集" else 1
            runs = [measure(load, threads, processes) for _ in range(rounds)]
            results[load] = {name: min(r[0][name] for r in runs) for name in runs[0][0]}
            shares += [r[1] for r in runs] if load == "CPU 密集" else []
    cpu_row = results["CPU 密集"]
    if max(shares) < 0.9 or cpu_row["顺序"] / cpu_row["4 个进程"] < 1.2:
        print("注意：这次运行时没有空闲的第二个 CPU 核（单核机器，或者机器上有别的负载）")
    for load, row in results.items():
        print(f"{load}：")
        for name, seconds in row.items():
            speedup = round(row["顺序"] / seconds, 2)
            verdict = "明显更快" if speedup >= 1.5 else "更慢" if speedup <= 0.67 else "差不多"
            tail = "" if name == "顺序" else f"，{verdict}"
            print(f"  {name}：{seconds:.3f} 秒，加速比 {speedup:.2f}{tail}")

# %%
# 柱子越短越好。
if __name__ == "__main__":
    try:
        import matplotlib.pyplot as plt
    except ImportError:
        plt = None
        print("画图需要 matplotlib：pip install matplotlib")
if __name__ == "__main__" and plt is not None:
    plt.rcParams["font.sans-serif"] = ["Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC"]
    fig, axes = plt.subplots(2, 1, figsize=(5, 5), layout="constrained")
    for ax, (load, row) in zip(axes, results.items(), strict=True):
        ax.barh(list(row)[::-1], list(row.values())[::-1], color=["C2", "C1", "C0", "gray"])
        ax.set(title=load, xlabel="耗时（秒）")
