r"""
手写线程池
==========

一个 ``queue.Queue`` 装任务，几条工作线程循环取任务执行：这就是线程池的全部骨架。
与原笔记不同，这里的工作线程收到结束标记 ``None`` 就退出，线程池可以干净地关闭。
"""

# %%
# ``Queue(num_threads)`` 有容量上限：队列满时 ``add_task()`` 会阻塞，直到有线程取走任务。
import queue
import threading
import time


class Worker(threading.Thread):
    def __init__(self, tasks):
        super().__init__()
        self.tasks = tasks
        self.start()

    def run(self):
        while True:
            item = self.tasks.get()
            try:
                if item is None:  # 结束标记
                    return
                func, args, kwargs = item
                func(*args, **kwargs)
            except Exception as exc:
                print("任务出错：", repr(exc))
            finally:
                self.tasks.task_done()


class ThreadPool:
    def __init__(self, num_threads):
        self.tasks = queue.Queue(num_threads)
        self.workers = [Worker(self.tasks) for _ in range(num_threads)]

    def add_task(self, func, *args, **kwargs):
        self.tasks.put((func, args, kwargs))

    def map(self, func, args_list):
        for args in args_list:
            self.add_task(func, args)

    def wait_completion(self):
        self.tasks.join()

    def close(self):
        for _ in self.workers:
            self.tasks.put(None)
        for worker in self.workers:
            worker.join()


def wait_delay(d):
    print(f"{threading.current_thread().name} 睡 {d} 秒")
    time.sleep(d)


# %%
# 六个任务、三条线程。任务按入队顺序被取走，但哪条线程取到哪个任务、谁先打印，取决于调度。
if __name__ == "__main__":
    pool = ThreadPool(3)
    pool.map(wait_delay, [0.3, 0.1, 0.2, 0.1, 0.3, 0.2])
    pool.add_task(wait_delay, "abc")
    pool.wait_completion()
    print("队列里的任务全部完成")
    pool.close()
    print("工作线程全部退出：", not any(w.is_alive() for w in pool.workers))
