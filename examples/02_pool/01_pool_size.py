r"""
进程池的大小
============

不指定 ``processes`` 时，进程池启动的工作进程数等于 CPU 数；指定更大的数也完全可以，
CPU 数并不是进程池的上限。
"""

# %%
# ``multiprocessing.active_children()`` 列出当前进程还活着的子进程，进程池的工作进程就在其中。
import multiprocessing
import os


def count_workers():
    return len(multiprocessing.active_children())


# %%
# Python 3.13 起默认值取 ``os.process_cpu_count()``\ （只数本进程可用的 CPU），
# 之前是 ``os.cpu_count()``。
if __name__ == "__main__":
    cpus = getattr(os, "process_cpu_count", os.cpu_count)()
    print("CPU 数（3.13 起为 os.process_cpu_count()，之前为 os.cpu_count()）：", cpus)

    with multiprocessing.Pool() as pool:
        print("Pool() 启动的工作进程数：", count_workers())

    with multiprocessing.Pool(processes=cpus + 3) as pool:
        print(f"Pool(processes={cpus + 3}) 启动的工作进程数：", count_workers())
