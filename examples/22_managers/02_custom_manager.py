r"""
自定义 BaseManager
==================

``BaseManager.register()`` 把自己的类登记到管理器上；管理器的服务进程里只有一个真正的对象，
各进程拿到的都是代理，调用代理的方法就是请服务进程执行这个方法。
服务进程用多个线程同时处理各个进程的请求，所以对象自己要加锁。
"""

# %%
# 只有公开方法（不以下划线开头）能通过代理调用；属性不能直接访问，要写成方法。
import multiprocessing
import threading
from multiprocessing.managers import BaseManager


class Counter:
    def __init__(self, start=0):
        self._value = start
        self._lock = threading.Lock()

    def increment(self, n=1):
        with self._lock:
            self._value += n
            return self._value

    def value(self):
        return self._value


class CounterManager(BaseManager):
    pass


CounterManager.register("Counter", Counter)


def worker(counter, times):
    for _ in range(times):
        counter.increment()


# %%
# ``Counter`` 定义在模块顶层：spawn 和 forkserver 下，登记表要序列化后交给服务进程，
# 类只按名字传过去，服务进程要在导入的本模块里找到它。
if __name__ == "__main__":
    with CounterManager() as manager:
        counter = manager.Counter(100)
        print("代理的类型：", type(counter).__name__)
        workers = [multiprocessing.Process(target=worker, args=(counter, 500)) for _ in range(4)]
        for p in workers:
            p.start()
        for p in workers:
            p.join()
        print("四个进程各加 500 次之后：", counter.value())
        try:
            counter._value
        except AttributeError as exc:
            print("访问属性：", type(exc).__name__)
