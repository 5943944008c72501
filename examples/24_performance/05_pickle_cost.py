r"""
传参的代价：序列化
==================

发给子进程的参数和拿回来的结果都要先序列化（pickle），再经过管道传输。
同样多的数据，分别做成浮点数列表、``bytes`` 和 numpy 数组，
测一次往返（发给子进程、收到回执）要多久。
画图需要 ``pip install matplotlib``；没有 numpy 时只测前两种。
"""

# %%
# 子进程收到什么都只回一个长度，所以回程几乎不花时间；计时的是发送、序列化和反序列化。
import multiprocessing
import time

try:
    import numpy as np
except ImportError:
    np = None

SIZES = [1_000, 10_000, 100_000, 1_000_000]  # float64 的个数


def echo_len(conn):
    while (payload := conn.recv()) is not None:  # numpy 数组不能和 None 比较 ==
        conn.send(len(payload))


def payloads(n):
    floats = [i * 0.5 for i in range(n)]
    made = {"list[float]": floats, "bytes": bytes(8 * n)}
    if np is not None:
        made["numpy 数组"] = np.array(floats)
    return made


def round_trip(conn, payload):
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        conn.send(payload)
        conn.recv()
        best = min(best, time.perf_counter() - start)
    return best


# %%
# 结论由本次运行的数字算出：最大的数据量下，每种做法每 MiB 要多少毫秒。
if __name__ == "__main__":
    parent, child = multiprocessing.Pipe()
    p = multiprocessing.Process(target=echo_len, args=(child,))
    p.start()
    times = {}
    for n in SIZES:
        for kind, payload in payloads(n).items():
            times.setdefault(kind, []).append(round_trip(parent, payload))
    parent.send(None)
    p.join()

    mib = [n * 8 / 2**20 for n in SIZES]
    for kind, ts in times.items():
        per_mib = ts[-1] / mib[-1] * 1000
        print(f"{kind}：{mib[-1]:.1f} MiB 往返 {ts[-1] * 1000:.1f} 毫秒，每 MiB {per_mib:.2f} 毫秒")
    for kind in list(times)[1:]:
        ratio = times["list[float]"][-1] / times[kind][-1]
        print(f"同样多的数据，浮点数列表的耗时是 {kind} 的 {ratio:.0f} 倍")

# %%
# 横轴、纵轴都是对数刻度。
if __name__ == "__main__":
    try:
        import matplotlib.pyplot as plt
    except ImportError:
        plt = None
        print("画图需要 matplotlib：pip install matplotlib")
if __name__ == "__main__" and plt is not None:
    plt.rcParams["font.sans-serif"] = ["Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC"]
    fig, ax = plt.subplots(figsize=(5, 3.6), layout="constrained")
    for (kind, ts), marker in zip(times.items(), "osD", strict=False):
        ax.loglog(mib, [t * 1000 for t in ts], marker=marker, label=kind)
    ax.xaxis.set_major_formatter("{x:g}")
    ax.yaxis.set_major_formatter("{x:g}")
    ax.set(xlabel="数据量（MiB）", ylabel="往返耗时（毫秒）", title="把数据发给子进程")
    ax.legend()
