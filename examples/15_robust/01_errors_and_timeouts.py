r"""
工作进程的异常与超时
====================

``Pool.apply_async()`` 的 ``error_callback`` 在任务抛出异常时被调用；``get(timeout)`` 等不到结果时
抛出 ``multiprocessing.TimeoutError``。执行器的 ``result(timeout)`` 超时抛出 ``TimeoutError``。
超时只是不再等待，任务本身还在工作进程里运行。
"""

# %%
# ``check`` 对负数抛出异常；``slow`` 睡 0.5 秒。回调在主进程的结果处理线程里运行。
import concurrent.futures
import multiprocessing
import time


def check(x):
    if x < 0:
        raise ValueError(f"{x} 是负数")
    return x


def slow():
    time.sleep(0.5)
    return "慢任务的结果"


def on_result(value):
    print("callback 收到：", value, flush=True)


def on_error(exc):
    print(f"error_callback 收到：{type(exc).__name__}: {exc}", flush=True)


# %%
# 进程池：成功调用 ``callback``，失败调用 ``error_callback``；``get()`` 仍会重新抛出异常。
if __name__ == "__main__":
    with multiprocessing.Pool(2) as pool:
        good = pool.apply_async(check, (5,), callback=on_result, error_callback=on_error)
        good.wait()
        bad = pool.apply_async(check, (-1,), callback=on_result, error_callback=on_error)
        bad.wait()
        try:
            bad.get()
        except ValueError as exc:
            print("get() 重新抛出：ValueError:", exc)
        late = pool.apply_async(slow)
        try:
            late.get(timeout=0.1)
        except multiprocessing.TimeoutError:
            print(
                f"get(timeout=0.1)：multiprocessing.TimeoutError；任务还没完成：{not late.ready()}"
            )
        print("再等一次：", late.get(timeout=5))
        print(
            "multiprocessing.TimeoutError is TimeoutError：",
            multiprocessing.TimeoutError is TimeoutError,
        )

# %%
# 执行器：``result(timeout)`` 超时抛出内置的 ``TimeoutError``，3.11 起两者是同一个类。
if __name__ == "__main__":
    with concurrent.futures.ProcessPoolExecutor(1) as executor:
        future = executor.submit(slow)
        try:
            future.result(timeout=0.1)
        except TimeoutError:
            print(f"result(timeout=0.1)：TimeoutError；任务还没完成：{not future.done()}")
        same = concurrent.futures.TimeoutError is TimeoutError
        print(f"concurrent.futures.TimeoutError is TimeoutError：{same}")
        print("再等一次：", future.result(timeout=5))
