r"""
文件和锁：传错了方式
====================

打开的文件不能序列化：传文件名，让工作进程自己打开。
``multiprocessing.Lock`` 只能在创建进程时随参数传过去（“继承”），不能作为任务参数；
要么用 ``initializer`` 在创建工作进程时交给它，要么改用 ``Manager().Lock()`` 的代理。
"""

# %%
# 工作函数：往文件里追加一行；在锁保护下做一件事。
import concurrent.futures
import multiprocessing
import os
import tempfile

LOCK = None


def append_line(target, text):
    if isinstance(target, str):
        with open(target, "a", encoding="utf-8") as f:
            f.write(text + "\n")
    else:
        target.write(text + "\n")
    return "写好了"


def locked_work(lock, n):
    with lock:
        return n * 10


def remember_lock(lock):
    global LOCK
    LOCK = lock


def work_with_inherited_lock(n):
    return locked_work(LOCK, n)


def show(label, future):
    try:
        print(f"{label}：{future.result(timeout=30)}")
    except Exception as exc:
        print(f"{label}：{type(exc).__name__}: {exc}")


# %%
# 文件：传打开的文件对象失败，传文件名可以。锁：直接作为任务参数失败。
if __name__ == "__main__":
    lock = multiprocessing.Lock()
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "out.txt")
        executor = concurrent.futures.ProcessPoolExecutor(2)
        with executor, open(path, "a", encoding="utf-8") as f:
            show("传打开的文件", executor.submit(append_line, f, "一"))
            show("传文件名", executor.submit(append_line, path, "二"))
            show("锁作为任务参数", executor.submit(locked_work, lock, 1))
        with open(path, encoding="utf-8") as f:
            print("文件内容：", f.read().splitlines())

# %%
# 锁的两种正确交法：管理器的锁代理可以序列化；或者在创建工作进程时经 ``initializer`` 交过去。
if __name__ == "__main__":
    manager = multiprocessing.Manager()
    with manager, concurrent.futures.ProcessPoolExecutor(2) as executor:
        proxy = manager.Lock()
        show("Manager().Lock() 作为任务参数", executor.submit(locked_work, proxy, 2))
    executor = concurrent.futures.ProcessPoolExecutor(
        2, initializer=remember_lock, initargs=(lock,)
    )
    with executor:
        show("锁经 initializer 交给工作进程", executor.submit(work_with_inherited_lock, 3))
