r"""
共享内存上的 numpy 数组
=======================

把一块共享内存看成 numpy 数组：几个子进程各自填写数组的一段，
主进程直接读到完整的结果，数据没有经过序列化。数组要在 ``close()`` 之前删掉。
运行前需要 ``pip install numpy``。
"""

# %%
# 子进程收到的只是共享内存的名字和要填写的行号；数组本身不传。
import multiprocessing
from multiprocessing import shared_memory

try:
    import numpy as np
except ImportError:
    np = None

SHAPE = (4, 1_000_000)


def as_array(shm):
    return np.frombuffer(shm.buf, dtype=np.float64, count=SHAPE[0] * SHAPE[1]).reshape(SHAPE)


def fill_rows(name, rows):
    shm = shared_memory.SharedMemory(name=name)
    arr = as_array(shm)
    for row in rows:
        arr[row] = np.arange(SHAPE[1]) * (row + 1)
    del arr  # 先删掉数组，再关闭共享内存
    shm.close()


def use_after_close(name):
    shm = shared_memory.SharedMemory(name=name)
    arr = np.ndarray(SHAPE, dtype=np.float64, buffer=shm.buf)
    shm.close()  # 没有报错，但数组指向的内存已经解除映射
    print("close() 之后读数组……", flush=True)
    print(arr[0, 0])


# %%
# 两个子进程各填两行，主进程用同一块内存上的数组核对结果。
if __name__ == "__main__" and np is None:
    print("这个例子需要 numpy：pip install numpy")
elif __name__ == "__main__":
    shm = shared_memory.SharedMemory(create=True, size=SHAPE[0] * SHAPE[1] * 8)
    arr = as_array(shm)
    print(f"共享数组：{arr.shape}，{arr.nbytes // 2**20} MiB")
    workers = [
        multiprocessing.Process(target=fill_rows, args=(shm.name, rows))
        for rows in ([0, 1], [2, 3])
    ]
    for p in workers:
        p.start()
    for p in workers:
        p.join()
    expected = np.arange(SHAPE[1]) * np.arange(1, SHAPE[0] + 1)[:, None]
    print("和预期相同：", bool(np.array_equal(arr, expected)))

# %%
# ``np.frombuffer()`` 得到的数组还在时，``close()`` 拒绝关闭；
# 用 ``np.ndarray(..., buffer=shm.buf)`` 得到的数组则拦不住 ``close()``，之后再读数组，
# 进程就崩溃了（子进程的退出码是负的信号编号）。
if __name__ == "__main__" and np is not None:
    try:
        shm.close()
    except BufferError as exc:
        print("数组还在时 close()：", exc)
    p = multiprocessing.Process(target=use_after_close, args=(shm.name,))
    p.start()
    p.join()
    print(f"numpy {np.__version__}，子进程退出码：{p.exitcode}")
    del arr
    shm.close()
    shm.unlink()
