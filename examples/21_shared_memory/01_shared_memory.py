r"""
SharedMemory：按名字连接
========================

主进程创建一块共享内存，子进程只拿到它的名字，按名字连接上去写入数据，
主进程不经过任何复制就读到了。用完后每个进程各自 ``close()``，
创建它的主进程最后 ``unlink()``，之后再按名字连接就找不到了。
"""

# %%
# 子进程按名字连接（``create`` 默认为 ``False``），写完只 ``close()``，不 ``unlink()``。
import multiprocessing
from multiprocessing import shared_memory


def writer(name, text):
    shm = shared_memory.SharedMemory(name=name)
    data = text.encode()
    shm.buf[: len(data)] = data
    print(f"子进程写入 {len(data)} 字节")
    shm.close()


# %%
# ``size`` 是至少要多少字节；有的平台会向上取整到内存页的大小，所以读的时候按写入的长度读。
if __name__ == "__main__":
    shm = shared_memory.SharedMemory(create=True, size=64)
    print("创建：名字是随机生成的字符串，请求的大小 64 字节")
    text = "你好，共享内存"
    p = multiprocessing.Process(target=writer, args=(shm.name, text))
    p.start()
    p.join()
    length = len(text.encode())
    print("主进程读到：", bytes(shm.buf[:length]).decode())

    shm.close()  # 本进程不再使用这块内存
    shm.unlink()  # 释放这块内存本身：只调用一次，由创建者调用
    try:
        shared_memory.SharedMemory(name=shm.name)
    except FileNotFoundError as exc:
        print("unlink() 之后再按名字连接：", type(exc).__name__)
