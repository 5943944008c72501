r"""
子进程继承了什么
================

fork 的子进程是父进程在 ``start()`` 那一刻的副本：运行时改过的全局变量、打开的文件都在。
spawn 和 forkserver 的子进程重新导入主模块，只拿到模块顶层代码算出来的值和作为参数传进来的对象。
"""

# %%
# ``SETTING`` 和 ``LOG`` 在模块顶层有初始值，主进程在 ``start()`` 之前改掉它们。
# 子进程打印自己看到的值，并试着往 ``LOG`` 里写一行。
import multiprocessing
import os
import tempfile
import threading
import time

SETTING = "模块顶层的初始值"
LOG = None


def child(method):
    print(f"[{method}] SETTING = {SETTING!r}")
    if LOG is None:
        print(f"[{method}] LOG 是 None：父进程打开的文件对象没有传过来")
    else:
        LOG.write(f"{method} 子进程写的一行\n")
        LOG.flush()
        print(f"[{method}] 往父进程打开的文件里写了一行")
    print(f"[{method}] 子进程里的线程数：{threading.active_count()}")


# %%
# 父进程另外开着一个线程；子进程里只有一个线程（fork 只复制调用 ``fork()`` 的那个线程）。
if __name__ == "__main__":
    SETTING = "start() 之前改过的值"
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "log.txt")
        with open(path, "w", encoding="utf-8") as LOG:
            sleeper = threading.Thread(target=time.sleep, args=(0.3,))
            sleeper.start()
            print("父进程里的线程数：", threading.active_count())
            for method in multiprocessing.get_all_start_methods():
                p = multiprocessing.get_context(method).Process(target=child, args=(method,))
                p.start()
                p.join()
            sleeper.join()
        with open(path, encoding="utf-8") as f:
            print("文件内容：", f.read().splitlines())
