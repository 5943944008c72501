r"""
as_completed 与 wait
====================

``as_completed()`` 按完成的先后逐个产出 ``Future``；``wait()`` 等到满足条件
（第一个完成、第一个出错、全部完成）或超时为止，返回“已完成”和“未完成”两个集合。
"""

# %%
# 三个任务分别睡 0.6、0.2、0.4 秒。``initializer`` 让三个工作进程在 ``Barrier`` 前等齐，
# 这样完成的先后只由睡眠时间决定，不受工作进程启动快慢的影响。
import concurrent.futures
import multiprocessing
import time

DURATIONS = {"慢": 0.6, "快": 0.2, "中": 0.4}


def wait_for_everyone(barrier):
    barrier.wait(timeout=10)


def nap(name):
    time.sleep(DURATIONS[name])
    return name


# %%
# ``as_completed`` 的顺序是完成顺序，不是提交顺序。
if __name__ == "__main__":
    barrier = multiprocessing.Barrier(3)
    pool = concurrent.futures.ProcessPoolExecutor(
        max_workers=3, initializer=wait_for_everyone, initargs=(barrier,)
    )
    with pool as ex:
        futures = [ex.submit(nap, name) for name in DURATIONS]
        print("提交顺序：", list(DURATIONS))
        print("完成顺序：", [f.result() for f in concurrent.futures.as_completed(futures)])

        # ``wait`` 超时不抛异常，只是返回时“未完成”集合里还有任务。
        futures = [ex.submit(nap, name) for name in DURATIONS]
        first = concurrent.futures.FIRST_COMPLETED
        done, pending = concurrent.futures.wait(futures, return_when=first)
        print(f"FIRST_COMPLETED：完成 {[f.result() for f in done]}，未完成 {len(pending)} 个")
        done, pending = concurrent.futures.wait(futures, timeout=0.05)
        print(f"再等 0.05 秒：完成 {len(done)} 个，未完成 {len(pending)} 个")
        done, pending = concurrent.futures.wait(futures)  # 默认 ALL_COMPLETED
        print(f"ALL_COMPLETED：完成 {len(done)} 个，未完成 {len(pending)} 个")
