r"""
Python 3.14 的其他新接口
========================

``Executor.map()`` 的 ``buffersize``、``ProcessPoolExecutor.terminate_workers()``、
``Process.interrupt()``，以及管理器新增的 ``set()`` 和代理对象补上的方法。
需要 Python 3.14 或更新的版本。
"""

# %%
# ``buffersize`` 限制已提交、结果还没被取走的任务数，所以 ``map()`` 可以接无穷的迭代器；
# 不给它时，``map()`` 会先把整个迭代器取完再返回。
import itertools
import multiprocessing
import sys
import time
from concurrent.futures import ProcessPoolExecutor, wait

# sphinx_gallery_mpnotes_min_python = "3.14"


def square(x):
    return x * x


def sleep_long():
    time.sleep(30)


def wait_for_interrupt(ready):
    try:
        ready.set()  # 已经进入 try，可以打断了
        time.sleep(30)
    except KeyboardInterrupt:
        print("子进程：收到 SIGINT，引发 KeyboardInterrupt", flush=True)
    finally:
        print("子进程：finally 执行了", flush=True)


def demo_executor():
    with ProcessPoolExecutor(max_workers=2) as executor:
        squares = executor.map(square, itertools.count(), buffersize=4)
        print("无穷迭代器的前 5 个结果：", list(itertools.islice(squares, 5)))

    executor = ProcessPoolExecutor(max_workers=2)
    futures = [executor.submit(sleep_long) for _ in range(2)]
    time.sleep(0.5)
    executor.terminate_workers()  # 对每个工作进程调用 terminate()，再 shutdown()
    wait(futures, timeout=10)
    print("terminate_workers() 之后：", [f.done() for f in futures])


# %%
# ``interrupt()`` 给子进程发 SIGINT（Windows 上行为未定义），子进程里的 ``finally`` 有机会执行；
# ``terminate()`` 发的 SIGTERM 则不会。
def demo_process_and_manager():
    ready = multiprocessing.Event()
    p = multiprocessing.Process(target=wait_for_interrupt, args=(ready,))
    p.start()
    ready.wait(10)
    p.interrupt()
    p.join()
    print("interrupt() 之后的退出码：", p.exitcode)

    with multiprocessing.Manager() as manager:
        s = manager.set([1, 2])
        s.add(3)
        items = manager.list([1, 2, 3])
        copied = items.copy()
        items.clear()
        d = manager.dict(a=1)
        print("set：", sorted(s.copy()), "list.copy()：", copied, "清空后：", list(items))
        print("dict | {...}：", d | {"b": 2})


if __name__ == "__main__":
    if sys.version_info < (3, 14):
        print(f"这个例子需要 Python 3.14 或更新的版本，当前是 {sys.version.split()[0]}")
    else:
        demo_executor()
        demo_process_and_manager()
