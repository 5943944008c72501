r"""
cancel 与 shutdown(cancel_futures=True)
=======================================

``cancel()`` 只能取消还在执行器里排队的任务，已经开始的任务取消不了。
``shutdown(cancel_futures=True)`` 一次取消所有还在排队的任务，等已经开始的做完。
"""

# %%
# 只有一个工作进程，六个任务每个睡 0.2 秒。``wait_until_running`` 等第一个任务进入“运行中”状态。
import concurrent.futures
import time


def nap(n):
    time.sleep(0.2)
    return n


def wait_until_running(future):
    deadline = time.monotonic() + 5
    while not future.running() and time.monotonic() < deadline:
        time.sleep(0.01)


def summary(futures, flags=None):
    first, last3 = futures[0], futures[3:]
    print("  f0 已完成：", first.done() and not first.cancelled())
    print("  f3、f4、f5 已取消：", [f.cancelled() for f in last3])
    if flags is not None:
        ok = all(f.cancelled() == flag for f, flag in zip(futures, flags, strict=True))
        print("  cancel() 返回 True 的正好是被取消的任务：", ok)
    print("  每个任务要么完成、要么已取消：", all(f.done() for f in futures))


# %%
# 第一个任务开始后，逐个 ``cancel()``。
if __name__ == "__main__":
    with concurrent.futures.ProcessPoolExecutor(max_workers=1) as executor:
        futures = [executor.submit(nap, n) for n in range(6)]
        wait_until_running(futures[0])
        flags = [f.cancel() for f in futures]
        print(f"f0.cancel()：{flags[0]}；f3、f4、f5 的 cancel()：{flags[3:]}")
    print("逐个 cancel() 之后：")
    summary(futures, flags)

# %%
# 再来一次，这回用 ``shutdown(cancel_futures=True)``。关闭之后不能再提交任务。
if __name__ == "__main__":
    executor = concurrent.futures.ProcessPoolExecutor(max_workers=1)
    futures = [executor.submit(nap, n) for n in range(6)]
    wait_until_running(futures[0])
    executor.shutdown(wait=True, cancel_futures=True)
    print("shutdown(cancel_futures=True) 之后：")
    summary(futures)
    try:
        executor.submit(nap, 6)
    except RuntimeError as exc:
        print("再 submit()：RuntimeError:", exc)
