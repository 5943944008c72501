r"""
进程池里的 Ctrl-C
=================

在终端里按 Ctrl-C，前台的每个进程（主进程和所有工作进程）都收到 ``SIGINT``，
各自抛出 ``KeyboardInterrupt``：工作进程打印一段回溯后死掉。让工作进程忽略 ``SIGINT``、
只由主进程处理并 ``terminate()`` 进程池，结束得更干净。
这里用 ``os.kill()`` 发 ``SIGINT`` 模拟按键（POSIX）。
"""

# %%
# 任务先通知主进程“已经开始”，再睡 2 秒。``init`` 在工作进程启动时运行，可选择忽略 ``SIGINT``。
import multiprocessing
import multiprocessing.connection
import os
import signal
import time

STARTED = None


def init(started, ignore_sigint):
    global STARTED
    STARTED = started
    if ignore_sigint:
        signal.signal(signal.SIGINT, signal.SIG_IGN)


def task(n):
    STARTED.set()
    time.sleep(2)
    return n


def press_ctrl_c(ignore_sigint):
    started = multiprocessing.Event()
    with multiprocessing.Pool(1, initializer=init, initargs=(started, ignore_sigint)) as pool:
        result = pool.map_async(task, range(3))
        started.wait(timeout=10)
        time.sleep(0.1)  # 让任务进入 sleep()
        worker = multiprocessing.active_children()[0]
        os.kill(worker.pid, signal.SIGINT)
        if not ignore_sigint:  # 等工作进程死掉，它的回溯先打印完
            multiprocessing.connection.wait([worker.sentinel], timeout=10)
        else:
            time.sleep(0.2)
            print("0.2 秒后工作进程还活着：", worker.is_alive(), flush=True)
        try:
            os.kill(os.getpid(), signal.SIGINT)
            result.get(timeout=10)
        except KeyboardInterrupt:
            print("主进程：KeyboardInterrupt，终止进程池", flush=True)
            pool.terminate()
            pool.join()
    print("工作进程的退出码：", worker.exitcode, flush=True)


# %%
# Windows 没有 ``SIGINT`` 信号可以发给别的进程（``os.kill`` 会直接结束进程），只在 POSIX 上演示。
if __name__ == "__main__":
    if os.name == "nt":
        print("Windows 上无法这样模拟 Ctrl-C，见正文")
    else:
        print("工作进程不处理 SIGINT：")
        press_ctrl_c(ignore_sigint=False)
        print("工作进程忽略 SIGINT：")
        press_ctrl_c(ignore_sigint=True)
