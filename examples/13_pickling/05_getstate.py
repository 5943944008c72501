r"""
__getstate__ 与 __setstate__
============================

对象的某个属性不能序列化（锁、文件、网络连接），整个对象就跟着不能序列化，它的实例方法也一样。
``__getstate__()`` 决定序列化哪些内容，``__setstate__()`` 在对方进程里把缺的部分重新建起来。
"""

# %%
# ``Counter`` 带一把 ``threading.Lock``；``SafeCounter`` 序列化时丢掉锁，反序列化时新建一把。
import concurrent.futures
import threading


class Counter:
    def __init__(self, start):
        self.value = start
        self.lock = threading.Lock()

    def add(self, n):
        with self.lock:
            self.value += n
            return self.value


class SafeCounter(Counter):
    def __getstate__(self):
        state = self.__dict__.copy()
        del state["lock"]
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        self.lock = threading.Lock()


# %%
# 提交实例方法时，实例本身也要序列化；工作进程拿到的是一份副本，主进程里的值不变。
if __name__ == "__main__":
    with concurrent.futures.ProcessPoolExecutor(1) as executor:
        for cls in (Counter, SafeCounter):
            counter = cls(100)
            try:
                result = executor.submit(counter.add, 5).result()
            except TypeError as exc:
                print(f"{cls.__name__}.add：TypeError: {exc}")
            else:
                print(f"{cls.__name__}.add：工作进程里得到 {result}，主进程里仍是 {counter.value}")
