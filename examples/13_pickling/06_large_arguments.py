r"""
传大参数的代价
==============

参数每传一次就序列化、经管道复制、再反序列化一次。同一份大数据要给很多任务用时，
不要每个任务都传一遍：用 ``initializer`` 在每个工作进程里放一份，任务只传下标。
"""

# %%
# ``DATA`` 是 10 MiB 的字节串。两种做法做同样的 32 个任务：每个任务都带着数据，或者只带下标。
import concurrent.futures
import pickle
import time

SIZE = 10 * 1024 * 1024
TASKS = 32
DATA = None


def checksum(data, i):
    return data[i * 1000] + len(data)


def keep(data):
    global DATA
    DATA = data


def checksum_kept(i):
    return checksum(DATA, i)


def each_task_gets_data(data):
    with concurrent.futures.ProcessPoolExecutor(2) as executor:
        return list(executor.map(checksum, [data] * TASKS, range(TASKS)))


def workers_keep_data(data):
    with concurrent.futures.ProcessPoolExecutor(2, initializer=keep, initargs=(data,)) as executor:
        return list(executor.map(checksum_kept, range(TASKS)))


def best_of_three(fn, data):
    times = []
    for _ in range(3):
        start = time.perf_counter()
        result = fn(data)
        times.append(time.perf_counter() - start)
    return min(times), result


# %%
# 两种做法都包括创建和关闭执行器的时间；各跑三次取最快的一次，结论由比值决定。
if __name__ == "__main__":
    data = bytes(range(256)) * (SIZE // 256)
    size = len(pickle.dumps(data)) / 2**20
    print(f"一份数据序列化后 {size:.0f} MiB，每个任务都带一份就要传 {TASKS} 份")
    slow, r1 = best_of_three(each_task_gets_data, data)
    fast, r2 = best_of_three(workers_keep_data, data)
    print("两种做法结果相同：", r1 == r2)
    ratio = slow / fast
    verdict = "明显更慢（超过 2 倍）" if ratio > 2 else "差别不大"
    print(f"每个任务都传数据，比每个工作进程只收一份{verdict}")
