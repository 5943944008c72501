r"""
有线程时 fork
=============

fork 只复制调用它的那个线程。别的线程当时持有的锁，在子进程里永远处于锁住状态，没有人会去释放。
Python 3.12 起，多线程进程调用 ``os.fork()`` 会发出 ``DeprecationWarning``。
"""

# %%
# 一个线程拿着 ``LOCK`` 睡 0.6 秒；这期间启动子进程，子进程用带超时的 ``acquire()`` 试着获取。
import multiprocessing
import re
import threading
import time
import warnings

LOCK = threading.Lock()


def hold_lock(ready):
    with LOCK:
        ready.set()
        time.sleep(0.6)


def child(method):
    got = LOCK.acquire(timeout=0.3)
    print(f"[{method}] 子进程 0.3 秒内拿到 LOCK：{got}")


def start_while_locked(ctx, method):
    ready = threading.Event()
    holder = threading.Thread(target=hold_lock, args=(ready,))
    holder.start()
    ready.wait()
    p = ctx.Process(target=child, args=(method,))
    p.start()
    p.join()
    holder.join()


# %%
# fork 复制了“已锁住”的锁；spawn 和 forkserver 的子进程重新导入模块，得到一把新锁。
if __name__ == "__main__":
    for method in multiprocessing.get_all_start_methods():
        start_while_locked(multiprocessing.get_context(method), method)

# %%
# 警告是 ``multiprocessing`` 内部调用 ``os.fork()`` 时发出的，不算在 ``__main__`` 头上，
# 所以默认的警告过滤器不显示它；打开 ``DeprecationWarning`` 才看得到。
if __name__ == "__main__" and "fork" in multiprocessing.get_all_start_methods():
    fork = multiprocessing.get_context("fork")
    for label, action in [("默认过滤器", None), ("打开 DeprecationWarning", "always")]:
        with warnings.catch_warnings(record=True) as caught:
            if action:
                warnings.simplefilter(action, DeprecationWarning)
            start_while_locked(fork, "fork")
        found = [re.sub(r"pid=\d+", "pid=…", str(w.message)) for w in caught]
        print(f"{label}：{found or '没有警告'}")
