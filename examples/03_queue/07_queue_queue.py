r"""
queue.Queue 不能跨进程
======================

``queue.Queue`` 只在一个进程的线程之间共享。交给子进程时，
spawn 和 forkserver 要把它序列化，因为它内部有线程锁而直接失败；
fork 能启动，但子进程拿到的是一份副本，放进去的数据主进程看不到。
"""

# %%
# 子进程往传进来的队列里放一项。
import multiprocessing
import queue


def put_one(q):
    q.put("来自子进程")


def try_queue(ctx, q):
    p = ctx.Process(target=put_one, args=(q,))
    try:
        p.start()
    except Exception as exc:
        print(f"  {type(exc).__name__}: {exc}")
        return
    p.join()  # 先 join 再取：只放了一项小数据才不会死锁，见编程指南
    try:
        print("  主进程取到", q.get(timeout=1))
    except queue.Empty:
        print("  主进程什么也没取到：子进程放进的是自己那份副本")


# %%
# 分别在 fork（如果平台支持）和 spawn 下，
# 把 queue.Queue 和 multiprocessing.Queue 交给子进程。
if __name__ == "__main__":
    methods = ["spawn"]
    if "fork" in multiprocessing.get_all_start_methods():
        methods.insert(0, "fork")
    for method in methods:
        ctx = multiprocessing.get_context(method)
        print(f"{method} + queue.Queue:")
        try_queue(ctx, queue.Queue())
        print(f"{method} + multiprocessing.Queue:")
        try_queue(ctx, ctx.Queue())
