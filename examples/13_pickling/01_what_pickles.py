r"""
什么能被 pickle
===============

跨进程传递的对象都要先序列化。函数和类按“模块名 + 名字”序列化，对方重新导入后按名字找回来；
数据按值序列化。找不到名字的函数、和操作系统资源绑在一起的对象，都无法序列化。
"""

# %%
# 准备一批对象：能按名字找到的函数和类、按值复制的数据，以及几种典型的失败情形。
import functools
import multiprocessing
import pickle
import threading


def square(x):
    return x * x


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def norm2(self):
        return self.x**2 + self.y**2


def make_inner():
    def inner():
        return 1

    return inner


def make_local_object():
    class Local:
        pass

    return Local()


# %%
# 逐个尝试 ``pickle.dumps()``，打印字节数或异常。
if __name__ == "__main__":
    data = pickle.dumps(square)
    print("square 的序列化结果里有模块名和函数名：", b"__main__" in data and b"square" in data)
    with open(__file__, encoding="utf-8") as opened:
        cases = {
            "数据 {'a': [1, 2.5, '三']}": {"a": [1, 2.5, "三"]},
            "模块顶层的函数 square": square,
            "模块顶层类的实例 Point(3, 4)": Point(3, 4),
            "实例方法 Point(3, 4).norm2": Point(3, 4).norm2,
            "functools.partial(pow, 2)": functools.partial(pow, 2),
            "lambda": lambda x: x,
            "嵌套函数": make_inner(),
            "局部类的实例": make_local_object(),
            "生成器": (i for i in range(3)),
            "打开的文件": opened,
            "threading.Lock()": threading.Lock(),
            "multiprocessing.Lock()": multiprocessing.Lock(),
            "multiprocessing.Queue()": multiprocessing.Queue(),
            "multiprocessing.Value('i')": multiprocessing.Value("i"),
        }
        for label, obj in cases.items():
            try:
                print(f"可以  {label}：{len(pickle.dumps(obj))} 字节")
            except Exception as exc:
                print(f"不行  {label}：{type(exc).__name__}: {exc}")
