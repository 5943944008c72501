r"""
启动一个进程要多久
==================

在本平台可用的每种启动方式下，反复启动一个什么都不做的子进程并等它结束，取中位数。
fork 只复制当前进程；spawn 要启动一个新的解释器并重新导入主模块；
forkserver 由一个已经在运行的服务进程 fork 出子进程。画图需要 ``pip install matplotlib``。
"""

# %%
# 每种方式先启动一次不计时：forkserver 第一次要先启动服务进程，spawn 第一次要读磁盘上的模块。
# 这个脚本在模块顶层只导入标准库的几个模块，spawn 的子进程重新导入它时很快；
# 主模块导入的东西越多，spawn 越慢。
import multiprocessing
import statistics
import time

REPEATS = 7


def nothing():
    pass


def start_and_join(ctx):
    start = time.perf_counter()
    p = ctx.Process(target=nothing)
    p.start()
    p.join()
    return time.perf_counter() - start


def median_start(method):
    ctx = multiprocessing.get_context(method)
    first = start_and_join(ctx)
    return first, statistics.median(start_and_join(ctx) for _ in range(REPEATS))


# %%
# 结论由本次运行的数字算出：按中位数从快到慢排列，并给出最慢的是最快的几倍。
if __name__ == "__main__":
    methods = multiprocessing.get_all_start_methods()
    results = {m: median_start(m) for m in methods}
    for m, (first, typical) in results.items():
        print(f"{m:>10}：第一次 {first * 1000:6.1f} 毫秒，之后中位数 {typical * 1000:6.1f} 毫秒")
    order = sorted(methods, key=lambda m: results[m][1])
    ratio = results[order[-1]][1] / results[order[0]][1]
    print("从快到慢：", " < ".join(order), f"（最慢的是最快的 {ratio:.0f} 倍）")

# %%
# 柱子越短越快。
if __name__ == "__main__":
    try:
        import matplotlib.pyplot as plt
    except ImportError:
        plt = None
        print("画图需要 matplotlib：pip install matplotlib")
if __name__ == "__main__" and plt is not None:
    plt.rcParams["font.sans-serif"] = ["Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC"]
    fig, ax = plt.subplots(figsize=(5, 3.2), layout="constrained")
    ax.bar(methods, [results[m][1] * 1000 for m in methods], color="C0")
    ax.set(ylabel="毫秒（中位数）", title="启动一个什么都不做的子进程并等它结束")
