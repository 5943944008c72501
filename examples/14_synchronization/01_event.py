r"""
Event：一个进程通知其他进程
===========================

``Event`` 是一个所有进程都能看到的开关：``set()`` 打开，``wait()`` 等它打开，``is_set()`` 查看。
适合“准备好了，开始”“该停了”这种一次性的通知，任意多个进程可以同时等。
"""

# %%
# 工作进程先等开始信号，然后一轮一轮地工作，每轮检查一次停止信号。
import multiprocessing
import time


def worker(n, start, stop):
    if not start.wait(timeout=5):
        print(f"工作进程 {n} 没等到开始信号", flush=True)
        return
    print(f"工作进程 {n} 收到开始信号", flush=True)
    rounds = 0
    while not stop.is_set() and rounds < 100:
        time.sleep(0.02)
        rounds += 1
    print(f"工作进程 {n} 收到停止信号，停下", flush=True)


# %%
# 主进程先做完准备工作再 ``set()`` 开始信号；0.2 秒后 ``set()`` 停止信号。
if __name__ == "__main__":
    start = multiprocessing.Event()
    stop = multiprocessing.Event()
    procs = [multiprocessing.Process(target=worker, args=(n, start, stop)) for n in range(3)]
    for p in procs:
        p.start()
    print("没人 set() 时，start.wait(0.1) 返回", start.wait(0.1), flush=True)
    print("主进程：准备完毕，发开始信号", flush=True)
    start.set()
    time.sleep(0.2)
    print("主进程：发停止信号", flush=True)
    stop.set()
    for p in procs:
        p.join()
    print("全部退出，退出码：", [p.exitcode for p in procs])
