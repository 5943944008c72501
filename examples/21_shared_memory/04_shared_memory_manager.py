r"""
SharedMemoryManager
===================

``SharedMemoryManager`` 启动一个服务进程，记下通过它创建的每一块共享内存；
``with`` 块结束、管理器关闭时，这些共享内存全部被 ``unlink()``，不用自己逐个释放。
"""

# %%
# 子进程往 ``ShareableList`` 里写自己的编号，往 ``SharedMemory`` 里写一个字节。
import multiprocessing
from multiprocessing import shared_memory
from multiprocessing.managers import SharedMemoryManager


def worker(i, sl, shm):
    sl[i] = i * i
    shm.buf[i] = 65 + i  # "A"、"B"、"C"
    sl.shm.close()
    shm.close()


# %%
# ``SharedMemory`` 和 ``ShareableList`` 对象本身可以作为参数传给子进程：
# 序列化的只是名字，子进程收到后自动按名字连接。
if __name__ == "__main__":
    with SharedMemoryManager() as smm:
        sl = smm.ShareableList([0, 0, 0])
        shm = smm.SharedMemory(size=3)
        names = [sl.shm.name, shm.name]
        workers = [multiprocessing.Process(target=worker, args=(i, sl, shm)) for i in range(3)]
        for p in workers:
            p.start()
        for p in workers:
            p.join()
        print("ShareableList：", list(sl))
        print("SharedMemory：", bytes(shm.buf[:3]))
        sl.shm.close()
        shm.close()

    # 管理器已经关闭，它创建的共享内存都已释放。
    for name in names:
        try:
            shared_memory.SharedMemory(name=name)
        except FileNotFoundError:
            print("管理器关闭后，按名字连接：FileNotFoundError")
