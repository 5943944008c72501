r"""
管理器里的 dict 和 list
=======================

管理器 ``Manager()`` 启动一个服务进程，``manager.dict()`` 和 ``manager.list()`` 返回代理对象；
子进程通过代理修改的是服务进程里的那份数据，所以主进程能看到。
"""

# %%
# 子进程往字典里放几个键，把列表反转。
import multiprocessing


def fill(d, lst):
    d[1] = "2"
    d["2"] = 2
    d[0.25] = None
    lst.reverse()


# %%
# ``with`` 结束时关闭服务进程，所以要在 ``with`` 里面读结果。
if __name__ == "__main__":
    with multiprocessing.Manager() as manager:
        d = manager.dict()
        lst = manager.list(range(10))
        p = multiprocessing.Process(target=fill, args=(d, lst))
        p.start()
        p.join()
        print(d)
        print(lst)
