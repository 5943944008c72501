r"""
全局变量和参数都不共享
======================

子进程修改全局变量或传进来的列表，改的都是自己那一份，主进程看不到；换成线程，改的就是同一个列表。
"""

# %%
# ``a`` 定义在模块顶层：在 spawn 和 forkserver 下，
# 子进程重新导入本模块时也会得到一个 ``a``。
import multiprocessing
import threading

a = []


def change_global():
    a.append(1)
    print("  子任务里的全局变量 a:", a)


def change_local(b):
    b.append(2)
    print("  子任务里的参数 b:", b)


def run(make_worker):
    worker = make_worker(target=change_global)
    worker.start()
    worker.join()
    print("  之后主进程里的 a:", a)
    worker = make_worker(target=change_local, args=(a,))
    worker.start()
    worker.join()
    print("  之后主进程里的 a:", a)


# %%
# 先用进程，再用线程，跑同样的两步。
if __name__ == "__main__":
    print("multiprocessing.Process:")
    run(multiprocessing.Process)
    print("threading.Thread:")
    run(threading.Thread)
