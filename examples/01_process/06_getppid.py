"""
子进程里的父进程 ID
===================

子进程用 :func:`os.getppid` 得到父进程的 PID，也可以用
:func:`multiprocessing.parent_process` 得到父进程对象。这里在本平台可用的每种启动方式下各试一次。
"""

# %%
import multiprocessing
import os


def child(parent_pid):
    method = multiprocessing.get_start_method()
    parent = multiprocessing.parent_process()
    print(f"[{method}] os.getppid() 是创建我的进程：{os.getppid() == parent_pid}")
    print(f"[{method}] parent_process().pid 是创建我的进程：{parent.pid == parent_pid}")


# %%
if __name__ == "__main__":
    print("主进程里 parent_process() 返回：", multiprocessing.parent_process())
    for method in multiprocessing.get_all_start_methods():
        p = multiprocessing.get_context(method).Process(target=child, args=(os.getpid(),))
        p.start()
        p.join()
