r"""
自由线程构建
============

先看当前解释器是不是自由线程构建、GIL 是否开启，
再用 1 个和 2 个线程做同样多的纯 Python 计算。
有 GIL 时，2 个线程不会更快；在关闭了 GIL 的自由线程构建（3.13 起可选）上，
它们能同时用上两个 CPU 核。
"""

# sphinx_gallery_mpnotes_exclusive = True  # it measures time: nothing else runs beside it

# %%
# ``Py_GIL_DISABLED`` 为 1 表示这是自由线程构建；即使是这种构建，GIL 也可能在运行时被重新打开，
# 所以还要看 ``sys._is_gil_enabled()``：它是 3.13 新增的，之前的版本按开启处理。
import os
import sys
import sysconfig
import threading
import time

N = 6_000_000


def burn(n):
    total = 0
    for i in range(n):
        total += i * i
    return total


def run_threads(count):
    threads = [threading.Thread(target=burn, args=(N // count,)) for _ in range(count)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - start


# %%
# GIL 开启时，两个线程不可能同时执行 Python 代码，结论不看计时；GIL 关闭时，结论由本次运行的
# 数字算出：2 个线程至少快 30% 才算“线程并行了”。
if __name__ == "__main__":
    free_threaded = bool(sysconfig.get_config_var("Py_GIL_DISABLED"))
    gil = sys._is_gil_enabled() if hasattr(sys, "_is_gil_enabled") else True
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    print(f"Python {version}，自由线程构建：{free_threaded}，GIL 开启：{gil}")
    one = min(run_threads(1) for _ in range(2))
    two = min(run_threads(2) for _ in range(2))
    print(f"1 个线程：{one:.3f} 秒；2 个线程各做一半：{two:.3f} 秒")
    if gil:
        print("有 GIL：同一时刻只有一个线程在执行 Python 代码，2 个线程不会并行")
        if one / two >= 1.3:
            print("（这次 2 个线程反而快了不少：那是机器上别的负载让 1 个线程的计时变慢了）")
    elif (os.cpu_count() or 1) < 2:
        print("只有一个 CPU 核，看不出线程能否并行")
    elif one / two >= 1.3:
        print("2 个线程明显更快：线程在并行执行 Python 代码")
    else:
        print("GIL 已关闭，2 个线程却没有明显更快：可能这次运行时没有空闲的第二个 CPU 核")
