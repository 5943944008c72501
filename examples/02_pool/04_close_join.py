r"""
close、join 与 with 块
======================

``join()`` 之前必须先 ``close()``\ （或 ``terminate()``），否则抛出 ``ValueError``；
``with`` 块结束时调用的是 ``terminate()``，还没做完的任务会被丢弃，所以结果要在块内取回。
"""

# %%
import multiprocessing
import time


def slow(x):
    time.sleep(0.5)
    return x


# %%
# 第一个进程池：先不 ``close()`` 就 ``join()``，再在 ``close()`` 之后提交任务。
if __name__ == "__main__":
    with multiprocessing.Pool(2) as pool:
        try:
            pool.join()
        except ValueError as exc:
            print("未 close() 就 join()：", repr(exc))
        pool.close()
        try:
            pool.apply_async(slow, (1,))
        except ValueError as exc:
            print("close() 之后再提交任务：", repr(exc))
        pool.join()
        print("先 close() 再 join()：正常返回")

    # 第二个进程池：任务还没做完就离开了 ``with`` 块，工作进程被终止，结果永远不会到来。
    with multiprocessing.Pool(2) as pool:
        result = pool.apply_async(slow, (2,))
    print("离开 with 块后，任务完成了吗：", result.ready())
    try:
        result.get(timeout=1)
    except multiprocessing.TimeoutError:
        print("get(timeout=1) 超时：结果不会再来了")
