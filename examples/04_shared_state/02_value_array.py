r"""
Value 与 Array
==============

``multiprocessing.Value`` 和 ``multiprocessing.Array`` 把数据放在共享内存里，
子进程的修改主进程能看到。
这里只有一个子进程写、主进程等它结束后才读，不需要额外加锁。
"""

# %%
# ``'d'`` 是 C 的 double，``'i'`` 是 C 的 int：共享内存里只能放这类定长的 C 类型。
import multiprocessing


def negate(n, a):
    n.value = 3.1415927
    for i in range(len(a)):
        a[i] = -a[i]


# %%
# ``join()`` 之后再读，子进程的写入都已完成。
if __name__ == "__main__":
    num = multiprocessing.Value("d", 0.0)
    arr = multiprocessing.Array("i", range(10))
    p = multiprocessing.Process(target=negate, args=(num, arr))
    p.start()
    p.join()
    print(num.value)
    print(arr[:])
