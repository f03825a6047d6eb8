package org.jianfu.demo;

import static org.jianfu.unit.SchoolStage.JUNIOR;
import static org.jianfu.unit.SchoolStage.NINE_YEAR;
import static org.jianfu.unit.SchoolStage.PRIMARY;
import static org.jianfu.unit.SchoolStage.SENIOR;
import static org.jianfu.unit.SchoolStage.TWELVE_YEAR;

import java.util.List;
import java.util.Map;

import org.jianfu.unit.SchoolStage;

/**
 * The demo hierarchy: the municipal commission and the 18 units reporting to it (16 districts, 燕山地区
 * and the Economic-Technological Development Area, whose education is run by its own bureau), a few
 * schools in each, and some departments.
 */
final class DemoHierarchy {

    static final String CITY = "北京市教育委员会";

    record School(String name, SchoolStage stage) {
    }

    record District(String name, String code, List<School> schools, List<String> departments) {
    }

    static final List<String> CITY_DEPARTMENTS = List.of("北京市卫生健康委员会", "北京市城市管理委员会", "北京市人民政府教育督导室");

    static final List<District> DISTRICTS = List.of(
            district("东城区教育委员会", "110101",
                    List.of(s("北京市东城区史家胡同小学", PRIMARY), s("北京市第二中学", SENIOR),
                            s("北京市第一六六中学", SENIOR), s("北京市东城区和平里第四小学", PRIMARY)),
                    "东城区卫生健康委员会", "东城区东华门街道办事处"),
            district("西城区教育委员会", "110102",
                    List.of(s("北京市西城区实验小学", PRIMARY), s("北京市第四中学", SENIOR),
                            s("北京市第八中学", SENIOR), s("北京市西城区育民小学", PRIMARY), s("北京市第三十五中学", TWELVE_YEAR))),
            district("朝阳区教育委员会", "110105",
                    List.of(s("北京市朝阳区实验小学", PRIMARY), s("北京市陈经纶中学", SENIOR),
                            s("北京市朝阳区芳草地国际学校", NINE_YEAR), s("北京市第八十中学", TWELVE_YEAR)),
                    "朝阳区城市管理委员会", "朝阳区建外街道办事处"),
            district("海淀区教育委员会", "110108",
                    List.of(s("北京市海淀区中关村第一小学", PRIMARY), s("北京市十一学校", TWELVE_YEAR),
                            s("北京市海淀区实验小学", PRIMARY), s("北京市第一〇一中学", SENIOR), s("北京市海淀区清河中学", JUNIOR)),
                    "海淀区卫生健康委员会", "海淀区城市管理委员会", "海淀区海淀街道办事处"),
            district("丰台区教育委员会", "110106",
                    List.of(s("北京市丰台区丰台第一小学", PRIMARY), s("北京市第十二中学", TWELVE_YEAR),
                            s("北京市丰台区东铁匠营第一小学", PRIMARY), s("北京市丰台第二中学", SENIOR))),
            district("石景山区教育委员会", "110107",
                    List.of(s("北京市石景山区实验小学", PRIMARY), s("北京市第九中学", SENIOR),
                            s("北京市石景山区古城第二小学", PRIMARY))),
            district("门头沟区教育委员会", "110109",
                    List.of(s("北京市门头沟区大峪第一小学", PRIMARY), s("北京市大峪中学", SENIOR),
                            s("北京市门头沟区育园小学", PRIMARY))),
            district("房山区教育委员会", "110111",
                    List.of(s("北京市房山区良乡中心小学", PRIMARY), s("北京市房山区良乡中学", SENIOR),
                            s("北京市房山区石楼中学", NINE_YEAR), s("北京市房山区城关第一小学", PRIMARY))),
            district("通州区教育委员会", "110112",
                    List.of(s("北京市通州区运河中学", SENIOR), s("北京市通州区后南仓小学", PRIMARY),
                            s("北京市通州区玉桥中学", JUNIOR), s("北京市通州区潞河中学", SENIOR), s("北京市通州区永顺小学", PRIMARY))),
            district("顺义区教育委员会", "110113",
                    List.of(s("北京市顺义区仁和中心小学", PRIMARY), s("北京市顺义区第一中学", SENIOR),
                            s("北京市顺义区牛栏山第一中学", SENIOR), s("北京市顺义区西辛小学", PRIMARY))),
            district("昌平区教育委员会", "110114",
                    List.of(s("北京市昌平区昌平第二实验小学", PRIMARY), s("北京市昌平区第二中学", SENIOR),
                            s("北京市昌平区回龙观中学", JUNIOR), s("北京市昌平区天通苑学校", NINE_YEAR))),
            district("大兴区教育委员会", "110115",
                    List.of(s("北京市大兴区第一中学", SENIOR), s("北京市大兴区兴华中学", JUNIOR),
                            s("北京市大兴区第七小学", PRIMARY), s("北京市大兴区黄村第三小学", PRIMARY))),
            district("怀柔区教育委员会", "110116",
                    List.of(s("北京市怀柔区第一小学", PRIMARY), s("北京市怀柔区第一中学", SENIOR),
                            s("北京市怀柔区桥梓中心小学", PRIMARY))),
            district("平谷区教育委员会", "110117",
                    List.of(s("北京市平谷区第五小学", PRIMARY), s("北京市平谷中学", SENIOR),
                            s("北京市平谷区峪口中学", JUNIOR))),
            district("密云区教育委员会", "110118",
                    List.of(s("北京市密云区第二小学", PRIMARY), s("北京市密云区第二中学", SENIOR),
                            s("北京市密云区巨各庄中学", NINE_YEAR))),
            district("延庆区教育委员会", "110119",
                    List.of(s("北京市延庆区第一小学", PRIMARY), s("北京市延庆区第一中学", SENIOR),
                            s("北京市延庆区永宁中学", JUNIOR))),
            district("燕山地区教育委员会", "110190",
                    List.of(s("北京市燕山向阳小学", PRIMARY), s("北京市燕山前进中学", SENIOR),
                            s("北京市燕山东风小学", PRIMARY))),
            district("北京经济技术开发区社会事业局", "110192",
                    List.of(s("北京亦庄实验小学", PRIMARY), s("北京亦庄实验中学", JUNIOR),
                            s("北京经济技术开发区第二小学", PRIMARY), s("北京市第八中学亦庄分校", TWELVE_YEAR))));

    /**
     * Other names of reporting units, by code, that no rule derives from the name; the database generates the
     * usual ones (海淀区教委, 北京市海淀区教育委员会, …) for every district itself.
     */
    static final Map<String, List<String>> ALIASES = Map.of(
            "110192", List.of("经开区社会事业局", "北京经开区社会事业局", "亦庄经开区社会事业局"));

    private DemoHierarchy() {
    }

    private static School s(String name, SchoolStage stage) {
        return new School(name, stage);
    }

    private static District district(String name, String code, List<School> schools, String... departments) {
        return new District(name, code, schools, List.of(departments));
    }
}
