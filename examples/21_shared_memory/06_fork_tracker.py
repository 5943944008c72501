r"""
fork 的子进程自带资源跟踪器
===========================

子进程启动时，主进程如果还没用过共享内存，资源跟踪器就还没启动。
spawn 和 forkserver 会在启动子进程时先把它启动起来，子进程共用它；
fork 的子进程却会在第一次连接共享内存时自己启动一个，子进程一退出，那块内存就被它释放了。
"""

# %%
# 子进程先启动，再从队列里拿到共享内存的名字，连接、读、``close()``。
import multiprocessing
import time
from multiprocessing import resource_tracker, shared_memory


def reader(q):
    shm = shared_memory.SharedMemory(name=q.get())
    print("子进程读到：", bytes(shm.buf[:5]), flush=True)
    shm.close()


def exists(name, wait):
    deadline = time.monotonic() + wait  # 给子进程的资源跟踪器（如果有）一点时间退出
    while True:
        try:
            shared_memory.SharedMemory(name=name).close()
        except FileNotFoundError:
            return False
        if time.monotonic() > deadline:
            return True
        time.sleep(0.05)


# %%
# fork 下子进程的资源跟踪器会发出 “leaked shared_memory objects” 警告（写在标准错误里）。
# 修正办法之一：在启动子进程之前创建共享内存，让主进程先把资源跟踪器启动起来。
if __name__ == "__main__":
    print("启动方式：", multiprocessing.get_start_method())
    q = multiprocessing.Queue()
    p = multiprocessing.Process(target=reader, args=(q,))
    p.start()
    shm = shared_memory.SharedMemory(create=True, size=16)  # 在子进程启动之后才创建
    shm.buf[:5] = b"hello"
    q.put(shm.name)
    p.join()
    print("子进程退出后，共享内存还在吗：", exists(shm.name, wait=1.0))
    shm.close()
    try:
        shm.unlink()
    except FileNotFoundError:
        print("主进程 unlink()：FileNotFoundError")
        # 让主进程的资源跟踪器忘掉这块已经不存在的内存，免得退出时再警告一次；
        # 这行用到的 resource_tracker.unregister() 和 shm._name 都不在文档里。
        resource_tracker.unregister(shm._name, "shared_memory")
