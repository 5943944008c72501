r"""
Condition：等共享状态满足条件
=============================

``Condition`` 把一把锁和“等待/通知”结合起来：等待方在锁内检查共享状态，条件不满足就 ``wait()``
（暂时放开锁睡眠），修改方改完状态后 ``notify_all()`` 把它们叫醒。不用一遍遍轮询。
"""

# %%
# 每个工作进程做完一件事，在 ``Condition`` 的锁内把计数加一并通知。
import multiprocessing
import time


def worker(n, done, cond):
    time.sleep(0.1 * (n + 1))
    with cond:
        done.value += 1
        print(f"工作进程 {n} 完成，计数 {done.value}", flush=True)
        cond.notify_all()


# %%
# 主进程 ``wait_for()`` 计数到 3；谓词在锁内求值，每次被唤醒都重新检查。
# 超时返回谓词最后的值：计数永远到不了 4，所以等 4 的那次返回 ``False``。
if __name__ == "__main__":
    cond = multiprocessing.Condition()
    done = multiprocessing.Value("i", 0, lock=False)  # 由 cond 的锁保护
    procs = [multiprocessing.Process(target=worker, args=(n, done, cond)) for n in range(3)]
    for p in procs:
        p.start()
    with cond:
        ok = cond.wait_for(lambda: done.value == 3, timeout=10)
        print(f"主进程被唤醒：条件满足 {ok}，计数 {done.value}", flush=True)
    for p in procs:
        p.join()
    with cond:
        print("等计数到 4，最多 0.2 秒：", cond.wait_for(lambda: done.value == 4, timeout=0.2))
