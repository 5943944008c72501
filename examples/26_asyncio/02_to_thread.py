r"""
asyncio.to_thread
=================

``asyncio.to_thread()`` 把一个阻塞的普通函数放到线程里运行，返回可以 ``await`` 的协程。
四次各要阻塞 0.2 秒的调用，直接调用要一个接一个地等，用 ``to_thread`` 可以同时等。
它适合阻塞的 I/O；CPU 密集的纯 Python 计算在有 GIL 的解释器上放进线程也不会更快，要交给进程池。
"""

# %%
# ``blocking_io`` 用 ``time.sleep`` 模拟一个没有异步版本的阻塞调用，比如某个同步的数据库驱动。
import asyncio
import threading
import time

CALLS, WAIT = 4, 0.2


def blocking_io(i):
    time.sleep(WAIT)
    return i, threading.current_thread() is threading.main_thread()


async def direct():
    return [blocking_io(i) for i in range(CALLS)]


async def in_threads():
    return await asyncio.gather(*(asyncio.to_thread(blocking_io, i) for i in range(CALLS)))


# %%
# 结论由本次运行的数字算出：以“比直接调用快一半以上”为准。
async def main():
    timings = {}
    for label, work in (("直接调用", direct), ("asyncio.to_thread", in_threads)):
        start = time.perf_counter()
        results = await work()
        timings[label] = time.perf_counter() - start
        in_main = {on_main for _, on_main in results}
        print(f"{label}：{timings[label]:.2f} 秒，在主线程里运行：{in_main}")
    faster = timings["直接调用"] / timings["asyncio.to_thread"]
    print("to_thread 快了一半以上：", faster >= 2)


if __name__ == "__main__":
    asyncio.run(main())
