"""
CPU 个数
========

:func:`multiprocessing.cpu_count` 返回机器的逻辑 CPU 数；当前进程能用的 CPU 可能更少
（容器、``taskset``），Python 3.13 起可用 ``os.process_cpu_count()`` 查询。
"""

# %%
# 几个数不一样时，分任务应当看“能用的”那个。
import multiprocessing
import os

print("multiprocessing.cpu_count()：", multiprocessing.cpu_count())
print("os.cpu_count()：", os.cpu_count())
if hasattr(os, "process_cpu_count"):  # Python 3.13+
    print("os.process_cpu_count()：", os.process_cpu_count())
if hasattr(os, "sched_getaffinity"):  # Linux 等
    print("len(os.sched_getaffinity(0))：", len(os.sched_getaffinity(0)))
