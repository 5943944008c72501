r"""
能用的 CPU 个数
===============

``os.cpu_count()`` 是机器上的逻辑 CPU 数；Python 3.13 新增的 ``os.process_cpu_count()``
是当前进程能用的 CPU 数，进程池的默认大小从 3.13 起也按它来定。
子进程把自己的 CPU 亲和性限制到一个 CPU 上，两个数就不一样了。
"""

# %%
# ``os.sched_setaffinity`` 只在 Linux 等部分平台上有；3.13 之前没有 ``process_cpu_count``。
import multiprocessing
import os
import subprocess
import sys


def report(label):
    usable = os.process_cpu_count() if hasattr(os, "process_cpu_count") else "（3.13 起才有）"
    print(f"{label}：cpu_count() = {os.cpu_count()}，process_cpu_count() = {usable}", flush=True)
    if hasattr(os, "sched_getaffinity"):
        print(f"{label}：len(sched_getaffinity(0)) = {len(os.sched_getaffinity(0))}", flush=True)


def pinned():
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # 只留一个 CPU
    report("限制到一个 CPU 的子进程")


# %%
# 3.13 起还可以用 ``-X cpu_count=N`` 或环境变量 ``PYTHON_CPU_COUNT`` 覆盖这两个函数的返回值，
# 比如在容器里告诉 Python 它实际能用几个 CPU。
if __name__ == "__main__":
    print(f"Python {sys.version_info.major}.{sys.version_info.minor}")
    report("主进程")
    if hasattr(os, "sched_setaffinity"):
        p = multiprocessing.Process(target=pinned)
        p.start()
        p.join()
    if sys.version_info >= (3, 13):
        code = "import os; print('-X cpu_count=1：', os.cpu_count(), os.process_cpu_count())"
        subprocess.run([sys.executable, "-X", "cpu_count=1", "-c", code], check=True)
